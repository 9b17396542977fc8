import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

/** How often readiness is polled while waiting for moto_server to answer. */
const READY_POLL_MS = 100;

/** A free TCP port on 127.0.0.1 (moto's default 5000 is often taken). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("no port"));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

export interface Moto {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `moto_server` on 127.0.0.1 with AWS-managed IAM policies loaded (as `accountId` if
 * given, moto's 123456789012 otherwise), and resolves once it
 * answers HTTP (polling its `/moto-api/` endpoint every 100 ms).
 */
export async function startMoto(opts: { readyTimeoutMs?: number; accountId?: string } = {}): Promise<Moto> {
  if (spawnSync("moto_server", ["--help"], { stdio: "ignore" }).error) {
    throw new Error("moto_server is not on PATH: install it with `pip install 'moto[server]==5.2.1'`");
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      MOTO_IAM_LOAD_MANAGED_POLICIES: "true",
      // Every request is answered as this account (the stage's), as AWS answers a stage's credentials.
      ...(opts.accountId ? { MOTO_ACCOUNT_ID: opts.accountId } : {}),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Never leave moto running behind an interrupted rehearsal.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`moto_server exited (${code}): ${stderr}`))),
  );
  exited.catch(() => undefined);

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    try {
      const res = await Promise.race([fetch(`${endpoint}/moto-api/`), exited]);
      if (res.ok) break;
    } catch (err) {
      if (child.exitCode !== null) throw err;
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`moto_server did not answer on ${endpoint} in time: ${stderr}`);
    }
    await delay(READY_POLL_MS);
  }

  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
