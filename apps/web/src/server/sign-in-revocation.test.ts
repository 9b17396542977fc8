import { describe, expect, it } from "vitest";
import { isRevokedSignIn } from "./sign-in-revocation";

describe("isRevokedSignIn", () => {
  it("accepts every sign-in when the user never signed out everywhere", () => {
    expect(isRevokedSignIn(1_800_000_000, undefined)).toBe(false);
    expect(isRevokedSignIn(undefined, undefined)).toBe(false);
  });

  it("refuses an authentication from before or at the sign-out everywhere", () => {
    expect(isRevokedSignIn(1_799_999_000, 1_800_000_000)).toBe(true);
    expect(isRevokedSignIn(1_800_000_000, 1_800_000_000)).toBe(true);
  });

  it("accepts an authentication made afterwards", () => {
    expect(isRevokedSignIn(1_800_000_001, 1_800_000_000)).toBe(false);
  });

  it("refuses a sign-in whose authentication time is unknown once sessions were revoked", () => {
    expect(isRevokedSignIn(undefined, 1_800_000_000)).toBe(true);
    expect(isRevokedSignIn("1800000001", 1_800_000_000)).toBe(true);
  });
});
