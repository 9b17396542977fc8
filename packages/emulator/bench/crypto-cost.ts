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
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { generateSigningKey, signJwt } from "../src/crypto/jwt";
import {
  createSrpVerifier,
  formatSrpTimestamp,
  passwordMatches,
  type SrpChallengeParameters,
  startSrp,
  verifyPasswordClaim,
} from "../src/crypto/srp";
import { pow, srpSignature } from "./fast-srp";

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

function clientSession() {
  const a = BigInt(`0x${randomBytes(128).toString("hex")}`);
  const srpA = pow(2n, a).toString(16);
  return {
    srpA,
    sign: (challenge: SrpChallengeParameters, timestamp: string): string =>
      srpSignature({
        poolShortName,
        userId: userIdForSrp,
        password,
        a,
        srpA,
        srpB: challenge.SRP_B,
        salt: challenge.SALT,
        secretBlock: challenge.SECRET_BLOCK,
        timestamp,
      }),
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
