import { createDiffieHellman, generateKeyPairSync, getDiffieHellman, randomBytes, verify } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeOffloadWorkers, modPowOffThread, signOffThread } from "./offload";

// RFC 3526 group 14 (2048-bit), from Node's own table: any prime works; the worker is keyed by it.
const PRIME = getDiffieHellman("modp14").getPrime("hex");

/** `base^exp mod PRIME` on this thread, through the same OpenSSL call, as the reference. */
function inline(baseHex: string, exponentHex: string): bigint {
  const dh = createDiffieHellman(Buffer.from(PRIME, "hex"), 2);
  dh.setPrivateKey(Buffer.from(exponentHex, "hex"));
  return BigInt(`0x${dh.computeSecret(Buffer.from(baseHex, "hex")).toString("hex")}`);
}
const big = (hex: string) => BigInt(`0x${hex}`);
const hexOf = (value: bigint) => {
  const hex = value.toString(16);
  return hex.length % 2 === 0 ? hex : `0${hex}`;
};

const randomBelowPrime = () => `7f${randomBytes(200).toString("hex")}`;

describe("modPowOffThread", () => {
  afterAll(() => closeOffloadWorkers());

  it("computes what OpenSSL computes inline, for many calls in flight at once", async () => {
    const inputs = Array.from({ length: 40 }, () => ({
      base: randomBelowPrime(),
      exponent: randomBytes(32).toString("hex"),
    }));
    const results = await Promise.all(inputs.map((i) => modPowOffThread(PRIME, i.base, i.exponent)));
    results.forEach((result, n) => {
      const input = inputs[n];
      if (!input) throw new Error("input missing");
      expect(result.length % 2).toBe(0);
      expect(big(result)).toBe(inline(input.base, input.exponent));
    });
  });

  it("chains (base^e1 * m)^e2 in one request, as two inline steps compute it", async () => {
    const inputs = Array.from({ length: 10 }, () => ({
      base: randomBelowPrime(),
      exponent: randomBytes(32).toString("hex"),
      multiplier: randomBelowPrime(),
      exponent2: randomBytes(32).toString("hex"),
    }));
    const results = await Promise.all(
      inputs.map((i) =>
        modPowOffThread(PRIME, i.base, i.exponent, { multiplierHex: i.multiplier, exponentHex: i.exponent2 }),
      ),
    );
    results.forEach((result, n) => {
      const i = inputs[n];
      if (!i) throw new Error("input missing");
      const first = inline(i.base, i.exponent);
      expect(big(result)).toBe(inline(hexOf((first * big(i.multiplier)) % big(PRIME)), i.exponent2));
    });
  });

  it("computes the bases OpenSSL refuses as public values (0, 1, p - 1) in BigInt", async () => {
    const pMinus1 = hexOf(big(PRIME) - 1n);
    await expect(modPowOffThread(PRIME, "01", "05")).resolves.toBe("01");
    await expect(modPowOffThread(PRIME, "00", "05")).resolves.toBe("00");
    await expect(modPowOffThread(PRIME, pMinus1, "02")).resolves.toBe("01");
    await expect(modPowOffThread(PRIME, pMinus1, "03")).resolves.toBe(pMinus1);
    // A chain whose middle value is 1: (p-1)^2 * 1, then ^7.
    await expect(
      modPowOffThread(PRIME, pMinus1, "02", { multiplierHex: "01", exponentHex: "07" }),
    ).resolves.toBe("01");
  });

  it("rejects input that is not a number, and the worker keeps serving", async () => {
    await expect(modPowOffThread(PRIME, "not-hex", "05")).rejects.toThrow();
    const base = randomBelowPrime();
    await expect(modPowOffThread(PRIME, base, "05").then(big)).resolves.toBe(inline(base, "05"));
  });

  it("starts a new worker after being closed", async () => {
    await closeOffloadWorkers();
    const base = randomBelowPrime();
    await expect(modPowOffThread(PRIME, base, "0101").then(big)).resolves.toBe(inline(base, "0101"));
  });
});

describe("signOffThread", () => {
  it("produces RS256 signatures the public key verifies", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const data = Buffer.from("header.payload");
    const signatures = await Promise.all([signOffThread(data, privateKey), signOffThread(data, privateKey)]);
    for (const signature of signatures) expect(verify("sha256", data, publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.from("header.other"), publicKey, signatures[0] as Buffer)).toBe(false);
  });
});
