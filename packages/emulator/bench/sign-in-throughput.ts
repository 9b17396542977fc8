/**
 * Sign-ins per second over the cognito-idp JSON API at concurrency 4, for USER_PASSWORD_AUTH and
 * USER_SRP_AUTH (InitiateAuth + RespondToAuthChallenge), against the emulator (its own process,
 * started with `src/bin/start.ts`) and against `moto_server` when it is on PATH, next to the raw
 * crypto cost of one sign-in on one core (`bench/crypto-cost.ts`).
 *
 * Run: `pnpm --filter @repo/emulator bench [seconds-per-phase]`. Prints a Markdown table and exits
 * non-zero when a goal is missed. `BENCH_CPU_PROFILE_DIR=<dir>` also writes the server's CPU profile.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatSrpTimestamp } from "../src/crypto/srp";
import { measureCryptoCost } from "./crypto-cost";
import { pow, srpSignature } from "./fast-srp";

const CONCURRENCY = 4;
const SECONDS = Number(process.argv[2] ?? 8);
const PASSWORD = "Bench-Passw0rd!";
const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** `g^x` per user and salt: the client's own repeated work, kept out of the load generator's share. */
const gxCache = new Map<string, bigint>();

/**
 * Client ephemerals `(a, A = g^a)`, made before the timed phase (a client may compute its next one
 * ahead): a 256-bit `a` (as the server's `b`, ~128-bit security in this group) instead of the
 * 1024-bit one amazon-cognito-identity-js draws. Both keep the load generator, which shares the
 * machine, from taking CPU the server under test would use; each pair is used once.
 */
const ephemerals: { a: bigint; srpA: string }[] = [];
function prepareEphemerals(count: number): void {
  while (ephemerals.length < count) {
    const a = BigInt(`0x${randomBytes(32).toString("hex")}`);
    ephemerals.push({ a, srpA: pow(2n, a).toString(16) });
  }
}
function nextEphemeral(): { a: bigint; srpA: string } {
  const next = ephemerals.pop();
  if (next) return next;
  const a = BigInt(`0x${randomBytes(32).toString("hex")}`);
  return { a, srpA: pow(2n, a).toString(16) };
}

function srpClient(poolShortName: string) {
  const { a, srpA } = nextEphemeral();
  return {
    srpA,
    respond(params: Record<string, string>) {
      const userId = params.USER_ID_FOR_SRP ?? "";
      const gxKey = `${userId}:${params.SALT}`;
      const timestamp = formatSrpTimestamp(new Date());
      const signature = srpSignature({
        poolShortName,
        userId,
        password: PASSWORD,
        a,
        srpA,
        srpB: params.SRP_B ?? "0",
        salt: params.SALT ?? "00",
        secretBlock: params.SECRET_BLOCK ?? "",
        timestamp,
        gxOf: (x) => {
          const gx = gxCache.get(gxKey) ?? pow(2n, x);
          gxCache.set(gxKey, gx);
          return gx;
        },
      });
      return {
        USERNAME: params.USERNAME ?? userId,
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK ?? "",
        PASSWORD_CLAIM_SIGNATURE: signature,
        TIMESTAMP: timestamp,
      };
    },
  };
}

// --- JSON API --------------------------------------------------------------------------------
/** Keep-alive HTTP client: lighter than fetch, so the load generator takes less of the machine. */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

function post(endpoint: string, op: string, body: string): Promise<{ status: number; text: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "content-length": Buffer.byteLength(body),
          "x-amz-target": `AWSCognitoIdentityProviderService.${op}`,
          // moto routes on the SigV4 credential scope; the emulator ignores it.
          authorization:
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function call(
  endpoint: string,
  op: string,
  body: unknown,
  retries = 2,
): Promise<Record<string, unknown>> {
  let res: { status: number; text: string };
  try {
    res = await post(endpoint, op, JSON.stringify(body));
  } catch (err) {
    // moto's development server sometimes drops a kept-alive connection; try again.
    if (retries > 0) return call(endpoint, op, body, retries - 1);
    throw err;
  }
  const json = JSON.parse(res.text) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${op}: ${res.status} ${res.text}`);
  return json;
}

async function setUp(endpoint: string) {
  const pool = (await call(endpoint, "CreateUserPool", { PoolName: "bench" })) as {
    UserPool: { Id: string };
  };
  const poolId = pool.UserPool.Id;
  const client = (await call(endpoint, "CreateUserPoolClient", {
    UserPoolId: poolId,
    ClientName: "bench",
    ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  })) as { UserPoolClient: { ClientId: string } };
  const users = Array.from({ length: CONCURRENCY }, (_, i) => `bench-user-${i}`);
  for (const Username of users) {
    await call(endpoint, "AdminCreateUser", { UserPoolId: poolId, Username, MessageAction: "SUPPRESS" });
    await call(endpoint, "AdminSetUserPassword", {
      UserPoolId: poolId,
      Username,
      Password: PASSWORD,
      Permanent: true,
    });
  }
  return { poolId, clientId: client.UserPoolClient.ClientId, users };
}

type Flow = "USER_PASSWORD_AUTH" | "USER_SRP_AUTH";

async function signIn(endpoint: string, setup: Awaited<ReturnType<typeof setUp>>, user: string, flow: Flow) {
  if (flow === "USER_PASSWORD_AUTH") {
    const r = await call(endpoint, "InitiateAuth", {
      ClientId: setup.clientId,
      AuthFlow: flow,
      AuthParameters: { USERNAME: user, PASSWORD },
    });
    if (!r.AuthenticationResult) throw new Error("no tokens");
    return;
  }
  const client = srpClient(setup.poolId.slice(setup.poolId.indexOf("_") + 1));
  const challenge = await call(endpoint, "InitiateAuth", {
    ClientId: setup.clientId,
    AuthFlow: flow,
    AuthParameters: { USERNAME: user, SRP_A: client.srpA },
  });
  const params = challenge.ChallengeParameters as Record<string, string>;
  const r = await call(endpoint, "RespondToAuthChallenge", {
    ClientId: setup.clientId,
    ChallengeName: "PASSWORD_VERIFIER",
    ...(challenge.Session ? { Session: challenge.Session } : {}),
    ChallengeResponses: client.respond(params),
  });
  if (!r.AuthenticationResult) throw new Error("no tokens");
}

/** Sign-ins completed at concurrency 4 over SECONDS, and the time they took. */
async function timedSignIns(
  endpoint: string,
  setup: Awaited<ReturnType<typeof setUp>>,
  flow: Flow,
): Promise<{ done: number; seconds: number }> {
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    setup.users.map(async (user) => {
      while (performance.now() < end) {
        await signIn(endpoint, setup, user, flow);
        done++;
      }
    }),
  );
  return { done, seconds: (performance.now() - start) / 1000 };
}

// --- processes -------------------------------------------------------------------------------
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[1] ?? m[0]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

async function startEmulator(dir: string): Promise<{ url: string; child: ChildProcess }> {
  // Node itself with tsx's loader (not the tsx CLI, which forks): the child's pid is the server's.
  // BENCH_CPU_PROFILE_DIR=<dir> writes the server's V8 CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/bin/start.ts"], {
    cwd: packageDir,
    env: {
      ...process.env,
      EMULATOR_PORT: "0",
      EMULATOR_STORE: join(dir, "bench.sqlite"),
      EMULATOR_INFRA: "",
    },
  });
  const url = await waitFor(child, /emulator ready (http:\/\/\S+)/);
  return { url: `${url}/`, child };
}

async function startMoto(): Promise<{ url: string; child: ChildProcess } | undefined> {
  try {
    execFileSync("moto_server", ["--help"], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { env: process.env });
  await waitFor(child, /Running on/);
  return { url: `http://127.0.0.1:${port}/`, child };
}

/** CPU seconds a process has used so far, its main thread apart (Linux `/proc`; undefined elsewhere). */
function cpuSeconds(pid: number | undefined): { main: number; all: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const ticks = (stat: string) => {
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(fields[11]) + Number(fields[12]); // utime + stime
    };
    const hz = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    return {
      main: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8")) / hz,
      all: ticks(readFileSync(`/proc/${pid}/stat`, "utf8")) / hz,
    };
  } catch {
    return undefined;
  }
}

interface Phase {
  perSecond: number;
  /** Server CPU milliseconds per sign-in: its main (event-loop) thread, and all its threads. */
  cpuMs?: { main: number; all: number };
  /** The load generator's own CPU milliseconds per sign-in (it shares the machine). */
  clientCpuMs: number;
}

/** Enough client ephemerals for an SRP phase well above the goal. */
const EPHEMERALS_PER_SECOND = 600;

async function phase(url: string, setup: Awaited<ReturnType<typeof setUp>>, flow: Flow, pid?: number) {
  if (flow === "USER_SRP_AUTH") prepareEphemerals(EPHEMERALS_PER_SECOND * SECONDS);
  for (const user of setup.users) await signIn(url, setup, user, flow); // warm-up
  const before = cpuSeconds(pid);
  const clientBefore = process.cpuUsage();
  const { done, seconds } = await timedSignIns(url, setup, flow);
  const client = process.cpuUsage(clientBefore);
  const after = cpuSeconds(pid);
  const result: Phase = {
    perSecond: done / seconds,
    clientCpuMs: (client.user + client.system) / 1000 / done,
  };
  if (before && after) {
    result.cpuMs = {
      main: ((after.main - before.main) * 1000) / done,
      all: ((after.all - before.all) * 1000) / done,
    };
  }
  return result;
}

async function measure(url: string, pid?: number) {
  const setup = await setUp(url);
  const password = await phase(url, setup, "USER_PASSWORD_AUTH", pid);
  const srp = await phase(url, setup, "USER_SRP_AUTH", pid);
  return { password, srp };
}

/** Goals of the emulator's sign-in throughput (see docs/benchmarks.md). */
const GOAL_OF_CRYPTO_LIMIT = 0.8;
const GOAL_VS_MOTO = 3;

async function main(): Promise<void> {
  const crypto = measureCryptoCost(200);
  const dir = mkdtempSync(join(tmpdir(), "emulator-bench-"));
  const emulator = await startEmulator(dir);
  let ours: { password: Phase; srp: Phase };
  try {
    ours = await measure(emulator.url, emulator.child.pid);
  } finally {
    emulator.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  const moto = await startMoto();
  let theirs: { password: Phase; srp: Phase } | undefined;
  if (moto) {
    try {
      theirs = await measure(moto.url);
    } catch (err) {
      console.error(`moto_server: ${(err as Error).message}`);
    } finally {
      moto.child.kill("SIGTERM");
    }
  }
  const f = (n: number) => n.toFixed(0);
  const pct = (n: number, limit: number) => `${((100 * n) / limit).toFixed(0)} %`;
  console.log(
    `\nSign-ins per second, concurrency ${CONCURRENCY}, ${SECONDS} s per phase, Node ${process.version}\n`,
  );
  console.log(
    "| flow | crypto limit (1 core) | emulator | emulator / crypto limit | moto_server | emulator / moto | emulator CPU per sign-in (event loop / all threads) | load generator CPU per sign-in |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  const missed: string[] = [];
  for (const [label, key, limit] of [
    ["USER_PASSWORD_AUTH", "password", crypto.userPasswordAuth.perSecond],
    ["USER_SRP_AUTH", "srp", crypto.userSrpAuth.perSecond],
  ] as const) {
    const e = ours[key];
    const m = theirs?.[key];
    const cpu = e.cpuMs ? `${e.cpuMs.main.toFixed(2)} / ${e.cpuMs.all.toFixed(2)} ms` : "n/a";
    console.log(
      `| ${label} | ${limit} | ${f(e.perSecond)} | ${pct(e.perSecond, limit)} | ${m === undefined ? "n/a" : f(m.perSecond)} | ${m === undefined ? "n/a" : `${(e.perSecond / m.perSecond).toFixed(1)}x`} | ${cpu} | ${e.clientCpuMs.toFixed(2)} ms |`,
    );
    if (e.perSecond < GOAL_OF_CRYPTO_LIMIT * limit)
      missed.push(
        `${label}: ${pct(e.perSecond, limit)} of the crypto limit (goal ${GOAL_OF_CRYPTO_LIMIT * 100} %)`,
      );
    if (m && e.perSecond < GOAL_VS_MOTO * m.perSecond)
      missed.push(`${label}: ${(e.perSecond / m.perSecond).toFixed(1)}x moto (goal ${GOAL_VS_MOTO}x)`);
  }
  console.log(
    `\nRaw crypto per sign-in: USER_PASSWORD_AUTH ${crypto.userPasswordAuth.ms} ms, USER_SRP_AUTH ${crypto.userSrpAuth.ms} ms (one core).`,
  );
  if (!theirs) console.log("moto_server is not on PATH: the comparison with moto is skipped.");
  if (missed.length > 0) {
    console.log(`\nGoal missed:\n- ${missed.join("\n- ")}`);
    process.exitCode = 1;
  } else {
    console.log("\nGoals met.");
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
