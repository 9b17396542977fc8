import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const tsx = join(packageDir, "node_modules/.bin/tsx");

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: Promise<{ stdout: string; stderr: string; code: number | null }>;
  ready: Promise<string>;
} {
  const child = spawn(tsx, ["src/bin/start.ts"], { cwd: packageDir, env: { PATH: "/usr/bin:/bin", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  // Resolves to the ready line, or to "" if the process exits first (the caller's assertion then fails).
  const ready = new Promise<string>((resolve) => {
    child.stdout?.on("data", () => {
      const line = stdout.split("\n").find((l) => l.startsWith("emulator ready "));
      if (line) resolve(line);
    });
    child.once("exit", () => resolve(""));
  });
  const output = once(child, "exit").then(([code]) => ({ stdout, stderr, code: code as number | null }));
  return { child, output, ready };
}

describe("pnpm start (src/bin/start.ts)", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-bin-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the ready line and serves on the port it names", async () => {
    const { child, ready, output } = start({ EMULATOR_PORT: "0", EMULATOR_STORE: join(dir, "a.sqlite") });
    const line = await ready;
    expect(line).toMatch(/^emulator ready http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${line.slice("emulator ready ".length)}/health`);
    expect(res.status).toBe(200);
    child.kill("SIGTERM");
    expect((await output).code).toBe(0);
  });

  it("says which port is taken and exits 1", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { output } = start({ EMULATOR_PORT: String(port), EMULATOR_STORE: join(dir, "b.sqlite") });
      const result = await output;
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`emulator: port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("names the resource and attribute of bad stack input in one line, without a stack trace", async () => {
    const infra = join(dir, "bad-infra");
    mkdirSync(infra, { recursive: true });
    writeFileSync(
      join(infra, "cdk.tf.json"),
      JSON.stringify({
        resource: {
          aws_cognito_user_pool: { users: { name: "users", password_policy: { minimum_length: "ten" } } },
        },
      }),
    );
    const { output } = start({
      EMULATOR_PORT: "0",
      EMULATOR_STORE: join(dir, "c.sqlite"),
      EMULATOR_INFRA: infra,
      EMULATOR_DYNAMODB_PORT: "0",
      EMULATOR_DYNAMODB_PATH: join(dir, "dynamodb"),
    });
    const result = await output;
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'emulator: aws_cognito_user_pool.users: password_policy.minimum_length: expected a number, got "ten"',
    );
  });
});
