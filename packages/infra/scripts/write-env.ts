import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadAppEnv } from "../src/config";
import { envFilesFromOutputs, formatEnvFile, parseOutputs } from "../src/env-files";
import { stageNames } from "../src/stages";
import { scriptArgs } from "./lib/script-args";
import { run, terraformEnv, writeCliConfig } from "./lib/terraform";

/**
 * `pnpm --filter @repo/infra outputs -- --stage dev`: reads the deployed stage's outputs
 * (`terraform output -json` in its synthesized folder, or `--from` a cdktf outputs file) and writes
 * `web.env` and `api.env` under `.local/env/<stage>/`, or into the apps with `--install`
 * (`apps/web/.env.local`, `apps/api/.env.local`, both git-ignored: they hold the client secret).
 */
const args = scriptArgs({
  stage: { type: "string", default: "dev" },
  from: { type: "string" },
  install: { type: "boolean", default: false },
  /** Install the provider from the machine's local mirror (no registry). */
  offline: { type: "boolean", default: false },
});
const stage = args.stage ?? "dev";
if (!(stageNames as readonly string[]).includes(stage)) throw new Error(`unknown stage ${stage}`);
const env = loadAppEnv();

let json: unknown;
if (args.from) {
  json = JSON.parse(readFileSync(args.from, "utf8"));
} else {
  const cwd = join(env.outdir, "stacks", stage);
  // With the stage's S3 backend this reads the deployed state: your AWS credentials are needed.
  const tfEnv = args.offline ? terraformEnv(writeCliConfig(join(env.outdir, ".terraform-cli"))) : undefined;
  const init = await run("terraform", ["init", "-input=false", "-no-color", "-lockfile=readonly"], {
    cwd,
    ...(tfEnv ? { env: tfEnv } : {}),
    timeoutSeconds: 120,
    label: "init",
    quiet: true,
  });
  if (init.code !== 0) throw new Error(`terraform init failed in ${cwd}:\n${init.stderr}`);
  const out = await run("terraform", ["output", "-json", "-no-color"], {
    cwd,
    ...(tfEnv ? { env: tfEnv } : {}),
    timeoutSeconds: 60,
    label: "output",
    quiet: true,
  });
  if (out.code !== 0) throw new Error(`terraform output failed in ${cwd}:\n${out.stderr}`);
  json = JSON.parse(out.stdout);
}

const files = envFilesFromOutputs(parseOutputs(json, stage));
const root = new URL("../../..", import.meta.url).pathname;
const targets = args.install
  ? { web: join(root, "apps/web/.env.local"), api: join(root, "apps/api/.env.local") }
  : {
      web: join(env.outdir, "..", ".local/env", stage, "web.env"),
      api: join(env.outdir, "..", ".local/env", stage, "api.env"),
    };
for (const app of ["web", "api"] as const) {
  mkdirSync(join(targets[app], ".."), { recursive: true });
  writeFileSync(
    targets[app],
    formatEnvFile(files[app], `apps/${app} against the ${stage} stage (written by infra outputs)`),
    {
      mode: 0o600,
    },
  );
  console.log(`wrote ${targets[app]}`);
}
