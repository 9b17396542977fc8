/**
 * `pnpm bench` (auth-shared): access-token verification throughput of `createTokenVerifiers`
 * next to raw RS256 `crypto.verify` of the same tokens in the same process. Goal: ≥ 70 % of raw.
 * Rounds alternate between the two so that CPU frequency drift hits both alike; the median is kept.
 */
import { createPublicKey, verify } from "node:crypto";
import { cpus } from "node:os";
import { startTestPool } from "../src/testing";
import { createTokenVerifiers } from "../src/verifier";

const TOKENS = 2000;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const pool = await startTestPool();
const tokens = Array.from({ length: TOKENS }, (_, i) =>
  pool.accessToken({ sub: `user-${i}`, groups: ["users"] }, { scope: "openid api/read api/write" }),
);
const verifiers = createTokenVerifiers({
  userPoolId: pool.userPoolId,
  clientIds: [pool.clientId],
  jwksUrl: pool.jwks.url,
});
const publicKey = createPublicKey({ key: pool.accessKey.jwk, format: "jwk" });

async function library(): Promise<number> {
  let n = 0;
  const end = performance.now() + ROUND_MS;
  while (performance.now() < end) {
    await verifiers.verifyAccessToken(tokens[n % TOKENS] as string, { scopes: ["api/read"] });
    n++;
  }
  return (n * 1000) / ROUND_MS;
}

async function raw(): Promise<number> {
  let n = 0;
  const end = performance.now() + ROUND_MS;
  while (performance.now() < end) {
    const token = tokens[n % TOKENS] as string;
    const dot = token.lastIndexOf(".");
    const ok = verify(
      "RSA-SHA256",
      Buffer.from(token.slice(0, dot)),
      publicKey,
      Buffer.from(token.slice(dot + 1), "base64url"),
    );
    if (!ok) throw new Error("raw verification failed");
    n++;
    if (n % 64 === 0) await Promise.resolve(); // same microtask pressure as the async library path
  }
  return (n * 1000) / ROUND_MS;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

await library(); // warm-up: JWKS fetch, key import, JIT
await raw();
const lib: number[] = [];
const base: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  lib.push(await library());
  base.push(await raw());
}
await pool.close();

const libOps = median(lib);
const rawOps = median(base);
const ratio = libOps / rawOps;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
console.log(`rounds: ${ROUNDS} × ${ROUND_MS} ms each, ${TOKENS} distinct RS256 access tokens (2048-bit key)`);
console.log(`raw crypto.verify RS256         ${rawOps.toFixed(0).padStart(7)} tokens/s`);
console.log(`auth-shared verifyAccessToken   ${libOps.toFixed(0).padStart(7)} tokens/s`);
console.log(`ratio                           ${(ratio * 100).toFixed(1).padStart(6)} %  (goal ≥ 70 %)`);
if (ratio < 0.7) process.exitCode = 1;
