/**
 * `pnpm dev`: the whole stack on localhost, offline.
 * 1. builds the Lambda bundles and synthesizes the `local` stage (turbo, cached);
 * 2. starts the emulator on that stack: user pool, hosted UI, API Gateway running the bundles,
 *    the DynamoDB-compatible store with the stack's tables, the outbox;
 * 3. seeds a demo user and an admin (printed with their passwords; so are the accounts of the
 *    emulator's local Google and OIDC providers, which "Continue with …" on the hosted UI reaches);
 * 4. starts the web app configured from the stack's outputs (as `cdktf output` gives them);
 * then prints every URL and `local stack ready`. Ctrl-C stops everything; data stays in `.local/`.
 *
 * LOCAL_STACK_MODE=e2e (Playwright) serves the production build and starts from empty data.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { LOCAL_IDP_ACCOUNTS, LOCAL_IDP_NAMES, LOCAL_IDP_PATH } from "@repo/emulator/local-idp-accounts";
import { parseEnv } from "@repo/env";
import { z } from "zod";
import { localIdentityProviders } from "./identity-providers";
import { seedUsers } from "./seed-users";

const Env = z.object({
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(9229),
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).default(9230),
  LOCAL_STACK_MODE: z.enum(["dev", "e2e"]).default("dev"),
  /** Skip the build step (e2e: turbo has built everything already). */
  LOCAL_STACK_SKIP_BUILD: z.stringbool().default(false),
});

const env = parseEnv(Env, process.env, "local stack");
const host = "127.0.0.1";
const root = new URL("..", import.meta.url).pathname;
const localDir = join(root, ".local", env.LOCAL_STACK_MODE === "e2e" ? "e2e" : "dev");
const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

const Outputs = z.object({
  user_pool_id: z.string(),
  issuer: z.string(),
  web_client_id: z.string(),
  web_client_secret: z.string(),
  hosted_ui_url: z.string(),
  api_url: z.string(),
  sessions_table: z.string(),
  app_table: z.string(),
  identity_pool_id: z.string(),
  files_bucket: z.string(),
  region: z.string(),
});

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

/** Starts a package's own binary directly (not through `pnpm run`, which reports a stop as a failure). */
function start(
  name: string,
  pkgDir: string,
  command: string[],
  extraEnv: Record<string, string>,
  onLine?: (line: string) => void,
) {
  const [bin, ...args] = command;
  const proc = spawn(join(root, pkgDir, "node_modules/.bin", bin as string), args, {
    cwd: join(root, pkgDir),
    env: { ...process.env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    // Same process group as this script: whoever stops the group (Ctrl-C, Playwright) stops all.
    detached: false,
  });
  const prefix = `[${name}]`.padEnd(10);
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
    await delay(200);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

async function stop(code: number): Promise<never> {
  stopping = true;
  for (const { proc } of children) {
    if (proc.exitCode === null) proc.kill("SIGTERM");
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

/** A long random secret for next-auth, made once and kept with the local data. */
function authSecret(): string {
  const file = join(localDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  await assertPortFree(env.EMULATOR_PORT, "emulator", "EMULATOR_PORT");
  await assertPortFree(env.DYNAMODB_PORT, "DynamoDB-compatible store", "DYNAMODB_PORT");
  await assertPortFree(env.WEB_PORT, "web app", "WEB_PORT");
  if (env.LOCAL_STACK_MODE === "e2e") rmSync(localDir, { recursive: true, force: true });
  mkdirSync(localDir, { recursive: true });

  if (!env.LOCAL_STACK_SKIP_BUILD) {
    console.log("building the Lambda bundles and synthesizing the local stage …");
    const build = spawnSync(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@repo/infra", "--output-logs=errors-only"],
      {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      },
    );
    if (build.status !== 0) throw new Error("the build failed (see above)");
  }

  const emulatorUrl = `http://${host}:${env.EMULATOR_PORT}`;
  let emulatorReady = false;
  start(
    "emulator",
    "packages/emulator",
    ["tsx", "src/bin/start.ts"],
    {
      EMULATOR_PORT: String(env.EMULATOR_PORT),
      EMULATOR_HOST: host,
      EMULATOR_STORE: join(localDir, "emulator.sqlite"),
      EMULATOR_INFRA: join(root, "packages/infra/cdktf.out/stacks/local"),
      EMULATOR_LAMBDA_DIR: join(root, "apps/api/dist"),
      EMULATOR_DYNAMODB_PORT: String(env.DYNAMODB_PORT),
      EMULATOR_DYNAMODB_PATH: join(localDir, "dynamodb"),
    },
    (line) => {
      if (line.startsWith("emulator ready")) emulatorReady = true;
    },
  );
  await waitFor("the emulator", async () => emulatorReady);
  const outputs = Outputs.parse(await (await fetch(`${emulatorUrl}/_outputs.json`)).json());
  const users = await seedUsers({
    endpoint: emulatorUrl,
    region: outputs.region,
    userPoolId: outputs.user_pool_id,
  });
  // The site's "Continue with …" buttons: the web client's providers the emulator can federate with.
  const identityProviders = await localIdentityProviders({
    endpoint: emulatorUrl,
    region: outputs.region,
    userPoolId: outputs.user_pool_id,
    clientId: outputs.web_client_id,
  });

  const webUrl = `http://localhost:${env.WEB_PORT}`;
  const webCommand =
    env.LOCAL_STACK_MODE === "e2e"
      ? ["next", "start", "--hostname", host, "--port", String(env.WEB_PORT)]
      : ["next", "dev", "--hostname", host, "--port", String(env.WEB_PORT)];
  start("web", "apps/web", webCommand, {
    SITE_URL: webUrl,
    NEXTAUTH_URL: webUrl,
    AUTH_SECRET: authSecret(),
    API_URL: outputs.api_url,
    COGNITO_ISSUER: outputs.issuer,
    COGNITO_WELL_KNOWN: `${emulatorUrl}/${outputs.user_pool_id}/.well-known/openid-configuration`,
    COGNITO_CLIENT_ID: outputs.web_client_id,
    COGNITO_CLIENT_SECRET: outputs.web_client_secret,
    COGNITO_DOMAIN_URL: outputs.hosted_ui_url,
    IDENTITY_PROVIDERS: identityProviders.join(","),
    COGNITO_ENDPOINT: emulatorUrl,
    COGNITO_IDENTITY_POOL_ID: outputs.identity_pool_id,
    COGNITO_IDENTITY_ENDPOINT: emulatorUrl,
    FILES_BUCKET: outputs.files_bucket,
    S3_ENDPOINT: `${emulatorUrl}/_s3`,
    SESSIONS_TABLE: outputs.sessions_table,
    DYNAMODB_ENDPOINT: `http://${host}:${env.DYNAMODB_PORT}`,
    AWS_REGION: outputs.region,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  });
  await waitFor("the web app", async () => (await fetch(`${webUrl}/api/health`)).ok);

  console.log("");
  console.log(`site          ${webUrl}`);
  console.log(`hosted UI     ${outputs.hosted_ui_url}/login?client_id=${outputs.web_client_id}`);
  console.log(`outbox        ${emulatorUrl}/_outbox`);
  console.log(`api           ${outputs.api_url}`);
  console.log(
    `files         ${emulatorUrl}/_s3/${outputs.files_bucket}  (identity pool ${outputs.identity_pool_id})`,
  );
  console.log(`emulator      ${emulatorUrl}  (user pool ${outputs.user_pool_id})`);
  for (const u of users) console.log(`${u.role.padEnd(13)} ${u.email} / ${u.password}`);
  for (const name of LOCAL_IDP_NAMES) {
    const accounts = LOCAL_IDP_ACCOUNTS[name].map((a) => `${a.email} / ${a.password}`).join(", ");
    console.log(`${`idp ${name}`.padEnd(13)} ${emulatorUrl}${LOCAL_IDP_PATH}/${name}  ${accounts}`);
  }
  console.log("local stack ready");
}

process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
main().catch((err: unknown) => {
  console.error(`local stack: ${(err as Error).message}`);
  void stop(1);
});
