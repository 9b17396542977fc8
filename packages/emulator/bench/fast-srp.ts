/**
 * The client half of SRP for the benchmarks, with OpenSSL's modexp (Diffie-Hellman with the
 * exponent as the private key) so the load generator takes as little CPU as it can from the
 * server under test. Only for benchmarks: the emulator's own SRP is `src/crypto/srp.ts`.
 */
import { createDiffieHellman, createHash, createHmac } from "node:crypto";
import { padHex } from "../src/crypto/srp";

/** RFC 5054's 3072-bit group, as Cognito uses it. */
const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";
const N = BigInt(`0x${N_HEX}`);
const dh = createDiffieHellman(Buffer.from(N_HEX, "hex"), 2);
const hexHash = (hex: string) => createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex");
const k = BigInt(`0x${hexHash(`${padHex(N_HEX)}02`)}`);
const toBuffer = (v: bigint) => {
  const hex = v.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
};

/** `base^exponent mod N` through OpenSSL. */
export function pow(base: bigint, exponent: bigint): bigint {
  const b = ((base % N) + N) % N;
  if (b < 2n) return b;
  dh.setPrivateKey(toBuffer(exponent));
  return BigInt(`0x${dh.computeSecret(toBuffer(b)).toString("hex")}`);
}

export interface SrpSignatureInput {
  poolShortName: string;
  userId: string;
  password: string;
  /** The client's ephemeral secret and `A = g^a` in hex. */
  a: bigint;
  srpA: string;
  srpB: string;
  salt: string;
  secretBlock: string;
  timestamp: string;
  /** `g^x`, when the caller caches it per user and salt. */
  gxOf?: (x: bigint) => bigint;
}

/** `PASSWORD_CLAIM_SIGNATURE` for a PASSWORD_VERIFIER challenge. */
export function srpSignature(i: SrpSignatureInput): string {
  const u = BigInt(`0x${hexHash(padHex(i.srpA) + padHex(i.srpB))}`);
  const inner = createHash("sha256").update(`${i.poolShortName}${i.userId}:${i.password}`).digest("hex");
  const x = BigInt(`0x${hexHash(padHex(i.salt) + inner)}`);
  const gx = i.gxOf ? i.gxOf(x) : pow(2n, x);
  const s = pow(BigInt(`0x${i.srpB}`) - k * gx, i.a + u * x);
  const prk = createHmac("sha256", Buffer.from(padHex(u.toString(16)), "hex"))
    .update(Buffer.from(padHex(s.toString(16)), "hex"))
    .digest();
  const key = createHmac("sha256", prk).update("Caldera Derived Key\u0001").digest().subarray(0, 16);
  return createHmac("sha256", key)
    .update(
      Buffer.concat([
        Buffer.from(i.poolShortName),
        Buffer.from(i.userId),
        Buffer.from(i.secretBlock, "base64"),
        Buffer.from(i.timestamp),
      ]),
    )
    .digest("base64");
}
