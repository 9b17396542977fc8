import { createDiffieHellman, generateKeyPairSync, getDiffieHellman, randomBytes, verify } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeOffloadWorkers, modPowOffThread, signOffThread } from "./offload";

// RFC 3526 group 14 (2048-bit), from Node's own table: any prime works; the worker is keyed by it.
const PRIME = getDiffieHellman("modp14").getPrime("hex");

/** `base^exp mod PRIME` on this thread, through the same OpenSSL call, as the reference. */
function inline(baseHex: string, exponentHex: string): string {
  const dh = createDiffieHellman(Buffer.from(PRIME, "hex"), 2);
  dh.setPrivateKey(Buffer.from(exponentHex, "hex"));
  return dh.computeSecret(Buffer.from(baseHex, "hex")).toString("hex");
}

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
      expect(result).toBe(inline(input.base, input.exponent));
    });
  });

  it("rejects what OpenSSL refuses, and the worker keeps serving", async () => {
    // A base of 1 is not a valid public value for OpenSSL.
    await expect(modPowOffThread(PRIME, "01", "05")).rejects.toThrow();
    const base = randomBelowPrime();
    await expect(modPowOffThread(PRIME, base, "05")).resolves.toBe(inline(base, "05"));
  });

  it("starts a new worker after being closed", async () => {
    await closeOffloadWorkers();
    const base = randomBelowPrime();
    await expect(modPowOffThread(PRIME, base, "0101")).resolves.toBe(inline(base, "0101"));
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
