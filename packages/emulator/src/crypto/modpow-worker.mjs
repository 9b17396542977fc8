// Worker thread of `offload.ts`: 3072-bit modular exponentiations in OpenSSL, off the event loop.
// The group's prime comes once, as `workerData.prime` (hex); then messages in, all numbers as hex:
// { id, base, exponent } for `base^exponent mod p`, or { id, base, exponent, multiplier, exponent2 }
// for the chain `((base^exponent mod p) * multiplier mod p)^exponent2 mod p` (SRP's
// `S = (A * v^u)^b` in one message). Out: { id, result } or { id, error }.
import { createDiffieHellman } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { modPowBigInt } from "./modpow-bigint.mjs";

const prime = BigInt(`0x${workerData.prime}`);
const dh = createDiffieHellman(Buffer.from(workerData.prime, "hex"), 2);

const toHex = (value) => {
  const hex = value.toString(16);
  return hex.length % 2 === 0 ? hex : `0${hex}`;
};

/** `base^exponent mod p` (hex in, BigInt out). */
function pow(baseHex, exponentHex) {
  const base = BigInt(`0x${baseHex}`) % prime;
  const exponent = BigInt(`0x${exponentHex}`);
  if (base < 2n || base > prime - 2n || exponent === 0n) return modPowBigInt(base, exponent, prime);
  dh.setPrivateKey(Buffer.from(toHex(exponent), "hex"));
  return BigInt(`0x${dh.computeSecret(Buffer.from(toHex(base), "hex")).toString("hex")}`);
}

parentPort.on("message", ({ id, base, exponent, multiplier, exponent2 }) => {
  try {
    let result = pow(base, exponent);
    if (multiplier !== undefined) {
      result = pow(toHex((result * BigInt(`0x${multiplier}`)) % prime), exponent2);
    }
    parentPort.postMessage({ id, result: toHex(result) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
