/** Codes from otplib (the authenticator-app algorithm as a library) against `src/crypto/totp.ts`. */
import { generateSecret, generateSync, verifySync } from "otplib";
import { describe, expect, it } from "vitest";
import { generateTotp, generateTotpSecret, totpStep, verifyTotp } from "../../src/crypto/totp";

const epochs = [0, 59, 1_111_111_109, 1_700_000_000, 1_800_000_015, 2_000_000_000];

describe("TOTP with otplib", () => {
  it("accepts otplib's codes for our secrets and returns the step they belong to", () => {
    for (let i = 0; i < 5; i++) {
      const secret = generateTotpSecret();
      for (const epoch of epochs) {
        const code = generateSync({ secret, epoch });
        const now = new Date(epoch * 1000);
        expect(verifyTotp(secret, code, now)).toBe(totpStep(now));
      }
    }
  });

  it("accepts otplib's code of the previous and next step, not two steps away", () => {
    const secret = generateTotpSecret();
    const epoch = 1_800_000_000;
    const now = new Date(epoch * 1000);
    expect(verifyTotp(secret, generateSync({ secret, epoch: epoch - 30 }), now)).toBe(totpStep(now) - 1);
    expect(verifyTotp(secret, generateSync({ secret, epoch: epoch + 30 }), now)).toBe(totpStep(now) + 1);
    const stale = generateSync({ secret, epoch: epoch - 60 });
    // Only meaningful if the stale code differs from the three valid ones (1 in ~330k it does not).
    const valid = [-30, 0, 30].map((offset) => generateSync({ secret, epoch: epoch + offset }));
    if (!valid.includes(stale)) expect(verifyTotp(secret, stale, now)).toBeUndefined();
  });

  it("produces codes otplib verifies, for secrets otplib generated", () => {
    for (let i = 0; i < 5; i++) {
      const secret = generateSecret();
      for (const epoch of epochs) {
        const code = generateTotp(secret, new Date(epoch * 1000));
        expect(verifySync({ secret, token: code, epoch }).valid).toBe(true);
      }
    }
  });
});
