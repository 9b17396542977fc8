/**
 * The raw server-side crypto cost of one sign-in, timed alone (no HTTP, no store), i.e. the ceiling
 * the emulator's sign-ins per second can approach on one core:
 * - USER_PASSWORD_AUTH: `passwordMatches` (one 3072-bit modexp) + two RS256 signatures (ID, access);
 * - USER_SRP_AUTH: `startSrp` + `verifyPasswordClaim` (three modexps) + two RS256 signatures.
 * The client's half of SRP is computed outside the timed sections.
 *
 * Run: `pnpm --filter @repo/emulator exec tsx bench/crypto-cost.ts [iterations]`.
 * `measureCryptoCost()` is exported so the sign-in throughput bench can print both in one run.
 */
import { createDiffieHellman, createHash, createHmac, randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { generateSigningKey, signJwt } from "../src/crypto/jwt";
import {
  createSrpVerifier,
  formatSrpTimestamp,
  padHex,
  passwordMatches,
  type SrpChallengeParameters,
  startSrp,
  verifyPasswordClaim,
} from "../src/crypto/srp";

export interface CryptoCost {
  /** Milliseconds of one operation on one core. */
  ms: number;
  /** Operations per second on one core (1000 / ms). */
  perSecond: number;
}

export interface CryptoCostReport {
  iterations: number;
  userPasswordAuth: CryptoCost;
  userSrpAuth: CryptoCost;
  passwordCheck: CryptoCost;
  srpStart: CryptoCost;
  srpVerify: CryptoCost;
  rs256Sign: CryptoCost;
}

const poolShortName = "BenchPool1";
const userIdForSrp = "5f0e8c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6";
const password = "Bench-Passw0rd!";

// A fast client (OpenSSL modexp) for the untimed half of SRP.
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
const toBuffer = (value: bigint) => {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
};
function pow(base: bigint, exponent: bigint): bigint {
  dh.setPrivateKey(toBuffer(exponent));
  return BigInt(`0x${dh.computeSecret(toBuffer(((base % N) + N) % N)).toString("hex")}`);
}

function clientSession() {
  const a = BigInt(`0x${randomBytes(128).toString("hex")}`);
  const srpA = pow(2n, a).toString(16);
  return {
    srpA,
    sign(challenge: SrpChallengeParameters, timestamp: string): string {
      const u = BigInt(`0x${hexHash(padHex(srpA) + padHex(challenge.SRP_B))}`);
      const inner = createHash("sha256").update(`${poolShortName}${userIdForSrp}:${password}`).digest("hex");
      const x = BigInt(`0x${hexHash(padHex(challenge.SALT) + inner)}`);
      const s = pow(BigInt(`0x${challenge.SRP_B}`) - k * pow(2n, x), a + u * x);
      const prk = createHmac("sha256", Buffer.from(padHex(u.toString(16)), "hex"))
        .update(Buffer.from(padHex(s.toString(16)), "hex"))
        .digest();
      const key = createHmac("sha256", prk).update("Caldera Derived Key\u0001").digest().subarray(0, 16);
      return createHmac("sha256", key)
        .update(
          Buffer.concat([
            Buffer.from(poolShortName),
            Buffer.from(userIdForSrp),
            Buffer.from(challenge.SECRET_BLOCK, "base64"),
            Buffer.from(timestamp),
          ]),
        )
        .digest("base64");
    },
  };
}

const cost = (totalMs: number, count: number): CryptoCost => {
  const ms = totalMs / count;
  return { ms: Number(ms.toFixed(3)), perSecond: Math.round(1000 / ms) };
};

/** Times each sign-in's crypto `iterations` times (after a warm-up) on the calling thread. */
export function measureCryptoCost(iterations = 300): CryptoCostReport {
  const stored = createSrpVerifier(poolShortName, userIdForSrp, password);
  const idKey = generateSigningKey();
  const accessKey = generateSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: userIdForSrp, token_use: "access", iat: now, exp: now + 3600, jti: "x" };
  const signTokens = () => {
    signJwt({ ...claims, token_use: "id" }, idKey);
    signJwt(claims, accessKey);
  };
  const clients = Array.from({ length: iterations }, clientSession);
  const warmUp = Math.min(20, iterations);

  let passwordTotal = 0;
  let signTotal = 0;
  let startTotal = 0;
  let verifyTotal = 0;
  for (let i = -warmUp; i < iterations; i++) {
    const t0 = performance.now();
    if (!passwordMatches(poolShortName, userIdForSrp, password, stored))
      throw new Error("password check failed");
    const t1 = performance.now();
    signTokens();
    const t2 = performance.now();
    const client = clients[Math.max(i, 0)] ?? clientSession();
    const { challengeParameters, state } = startSrp({
      poolShortName,
      userIdForSrp,
      stored,
      srpA: client.srpA,
    });
    const t3 = performance.now();
    const timestamp = formatSrpTimestamp(new Date());
    const signature = client.sign(challengeParameters, timestamp);
    const t4 = performance.now();
    const ok = verifyPasswordClaim({
      poolShortName,
      state,
      passwordClaimSignature: signature,
      passwordClaimSecretBlock: challengeParameters.SECRET_BLOCK,
      timestamp,
    });
    const t5 = performance.now();
    if (!ok) throw new Error("SRP claim refused");
    if (i < 0) continue;
    passwordTotal += t1 - t0;
    signTotal += t2 - t1;
    startTotal += t3 - t2;
    verifyTotal += t5 - t4;
  }
  return {
    iterations,
    userPasswordAuth: cost(passwordTotal + signTotal, iterations),
    userSrpAuth: cost(startTotal + verifyTotal + signTotal, iterations),
    passwordCheck: cost(passwordTotal, iterations),
    srpStart: cost(startTotal, iterations),
    srpVerify: cost(verifyTotal, iterations),
    rs256Sign: cost(signTotal, iterations * 2),
  };
}

function main(): void {
  const iterations = Number(process.argv[2] ?? 300);
  const report = measureCryptoCost(iterations);
  console.log(`crypto cost per sign-in, one core, ${report.iterations} iterations (Node ${process.version})`);
  const rows: [string, CryptoCost][] = [
    ["USER_PASSWORD_AUTH (1 modexp + 2 RS256)", report.userPasswordAuth],
    ["USER_SRP_AUTH (3 modexps + 2 RS256)", report.userSrpAuth],
    ["  passwordMatches", report.passwordCheck],
    ["  startSrp", report.srpStart],
    ["  verifyPasswordClaim", report.srpVerify],
    ["  RS256 signature", report.rs256Sign],
  ];
  for (const [label, { ms, perSecond }] of rows) {
    console.log(
      `${label.padEnd(42)} ${ms.toFixed(3).padStart(8)} ms  ${String(perSecond).padStart(6)} ops/s`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
