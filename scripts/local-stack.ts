/**
 * `pnpm dev`: starts the local stack — the API (offline shim with its DynamoDB-compatible store)
 * and the web app — waits until each answers, prints every URL, then `local stack ready`.
 * Ctrl-C (or SIGTERM) stops every process it started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";

const Env = z.object({
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  COGNITO_USER_POOL_ID: z.string().default("us-east-1_LocalPool1"),
  COGNITO_CLIENT_IDS: z.string().default("localweb"),
  EMULATOR_URL: z.url().default("http://127.0.0.1:9229"),
});

const env = Env.parse(process.env);
const host = "127.0.0.1";
const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") {
        reject(
          new Error(`port ${port} (${what}) is already in use: stop what listens there or set ${variable}`),
        );
      } else reject(err);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const root = new URL("..", import.meta.url).pathname;

/** Starts a package's own binary directly (not through `pnpm run`, which reports a stop as a failure). */
function start(
  name: string,
  pkgDir: string,
  command: string[],
  extraEnv: Record<string, string>,
  onLine?: (line: string) => void,
) {
  const [bin, ...args] = command;
  const proc = spawn(`${root}${pkgDir}/node_modules/.bin/${bin}`, args, {
    cwd: `${root}${pkgDir}`,
    env: { ...process.env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `[${name}]`.padEnd(6);
  for (const stream of [proc.stdout, proc.stderr]) {
    let buffered = "";
    stream?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        process.stdout.write(`${prefix} ${line}\n`);
        onLine?.(line);
      }
    });
  }
  proc.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? `code ${code}`}); stopping the local stack`);
    void stop(1);
  });
  children.push({ name, proc });
  return proc;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    if (await check().catch(() => false)) return;
    await delay(250);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

async function stop(code: number): Promise<never> {
  stopping = true;
  for (const { proc } of children) {
    if (proc.pid && proc.exitCode === null) {
      try {
        process.kill(-proc.pid, "SIGTERM"); // the whole process group (pnpm and its child)
      } catch {
        // already gone
      }
    }
  }
  await Promise.all(
    children.map(({ proc }) =>
      proc.exitCode === null
        ? Promise.race([new Promise((r) => proc.once("exit", r)), delay(5000)])
        : undefined,
    ),
  );
  process.exit(code);
}

async function main() {
  await assertPortFree(env.API_PORT, "API", "API_PORT");
  await assertPortFree(env.WEB_PORT, "web app", "WEB_PORT");

  const webUrl = `http://localhost:${env.WEB_PORT}`;
  const apiUrl = `http://${host}:${env.API_PORT}`;
  let apiReady = false;
  start(
    "api",
    "apps/api",
    ["tsx", "src/local/start.ts"],
    {
      API_PORT: String(env.API_PORT),
      WEB_ORIGIN: webUrl,
      COGNITO_USER_POOL_ID: env.COGNITO_USER_POOL_ID,
      COGNITO_CLIENT_IDS: env.COGNITO_CLIENT_IDS,
      COGNITO_JWKS_URL: `${env.EMULATOR_URL}/${env.COGNITO_USER_POOL_ID}/.well-known/jwks.json`,
      COGNITO_ENDPOINT: env.EMULATOR_URL,
    },
    (line) => {
      if (line.startsWith("api ready")) apiReady = true;
    },
  );
  start("web", "apps/web", ["next", "dev", "--hostname", host, "--port", String(env.WEB_PORT)], {
    API_URL: apiUrl,
    SITE_URL: webUrl,
  });

  await waitFor("the API", async () => apiReady);
  await waitFor("the web app", async () => (await fetch(`${webUrl}/api/health`)).ok);
  console.log(`web app      ${webUrl}`);
  console.log(`api          ${apiUrl}`);
  console.log("local stack ready");
}

process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
main().catch((err: unknown) => {
  console.error(`local stack: ${(err as Error).message}`);
  void stop(1);
});
