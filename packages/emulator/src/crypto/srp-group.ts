/**
 * The SRP group Cognito uses (RFC 5054's 3072-bit prime, g = 2), its encodings as the clients
 * write them, and the two ways to run a computation's modexps: inline through OpenSSL, or on the
 * modexp worker. The protocol itself is `srp.ts`.
 */
import { createDiffieHellman, createHash } from "node:crypto";
import { modPowBigInt } from "./modpow-bigint.mjs";
import { modPowOffThread } from "./offload";

/** RFC 5054 / RFC 3526 3072-bit MODP prime, copied from amazon-cognito-identity-js `initN`. */
export const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1" +
  "29024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245" +
  "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D" +
  "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D" +
  "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9" +
  "DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64" +
  "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B" +
  "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31" +
  "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";
export const N = BigInt(`0x${N_HEX}`);
export const N_BYTES = N_HEX.length / 2;
export const G = 2n;

/**
 * One DiffieHellman object over N, reused: creating one checks the prime, while setting its
 * private key and calling `computeSecret(base)` is a plain OpenSSL modexp `base^priv mod N`.
 * Safe to share because every use is synchronous.
 */
const openssl = createDiffieHellman(Buffer.from(N_HEX, "hex"), Number(G));

/** `k = H(PAD(N) | PAD(g))`, as the clients compute it. */
export const K_MULTIPLIER = hexToBig(hexHash(padHex(N_HEX) + padHex(G.toString(16))));

/**
 * Java `BigInteger.toByteArray()`-style hex of a non-negative integer given as hex: minimal digits,
 * even length, and a `00` byte in front when the top bit is set (the clients' `padHex`).
 */
export function padHex(hex: string): string {
  let h = hex.toLowerCase().replace(/^0+/, "");
  if (h === "") h = "0";
  if (h.length % 2 !== 0) h = `0${h}`;
  return /^[89a-f]/.test(h) ? `00${h}` : h;
}

export function hexToBig(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

export function bigToHex(value: bigint): string {
  return value.toString(16);
}

/** Big-endian bytes of a non-negative integer, at least one byte. */
export function bigToBuffer(value: bigint): Buffer {
  const hex = bigToHex(value);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 over the bytes a hex string spells (the clients' `hexHash`). */
export function hexHash(hex: string): string {
  return sha256Hex(Buffer.from(hex, "hex"));
}

/** `base^exponent mod N` through OpenSSL. */
export function modPow(base: bigint, exponent: bigint): bigint {
  const reduced = base % N;
  // OpenSSL rejects public keys outside [2, N-2]; these bases (and exponent 0) are trivial anyway.
  if (reduced < 2n || reduced > N - 2n || exponent === 0n) return modPowBigInt(reduced, exponent, N);
  openssl.setPrivateKey(bigToBuffer(exponent));
  return hexToBig(openssl.computeSecret(bigToBuffer(reduced)).toString("hex"));
}

/**
 * The SRP computations are written once, as generators that yield each modexp they need
 * (`[base, exponent]`, or the chain `[base, exponent, multiplier, exponent2]` meaning
 * `((base^exponent) * multiplier)^exponent2`, all mod N) and receive its result; `runInline`
 * answers on the calling thread, `runOffThread` on the modexp worker (see `offload.ts`) in one
 * round trip per request, for the sign-in hot paths.
 */
export type ModPowRequest =
  | readonly [base: bigint, exponent: bigint]
  | readonly [base: bigint, exponent: bigint, multiplier: bigint, exponent2: bigint];
export type SrpSteps<T> = Generator<ModPowRequest, T, bigint>;

function modPowChain(request: ModPowRequest): bigint {
  const first = modPow(request[0], request[1]);
  return request.length === 2 ? first : modPow((first * request[2]) % N, request[3]);
}

export function runInline<T>(steps: SrpSteps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next(modPowChain(step.value));
  return step.value;
}

const evenHex = (value: bigint) => bigToBuffer(value).toString("hex");

export async function runOffThread<T>(steps: SrpSteps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    const request = step.value;
    const [base, exponent] = request;
    // The worker computes every base in BigInt where OpenSSL would refuse it.
    const result = hexToBig(
      await modPowOffThread(
        N_HEX,
        evenHex(base % N),
        evenHex(exponent),
        request.length === 4
          ? { multiplierHex: evenHex(request[2] % N), exponentHex: evenHex(request[3]) }
          : undefined,
      ),
    );
    step = steps.next(result);
  }
  return step.value;
}
