import { join } from "node:path";
import { synthStateStack } from "../src/bootstrap";
import { loadAppEnv, type StageName, stageNames } from "../src/config";
import { scriptArgs } from "./lib/script-args";
import { run, terraformEnv, writeCliConfig } from "./lib/terraform";

/**
 * `pnpm --filter @repo/infra bootstrap-state -- --stage dev [--auto-approve] [--offline]`: creates
 * the S3 bucket the stage's Terraform state lives in, once per account (before the stage's first
 * deploy). Synthesizes the small state stack into `.local/bootstrap/stacks/state-<stage>/`, then
 * `terraform init` and `apply` there with your AWS credentials; that folder keeps the bootstrap's own
 * state file. `--offline` installs the provider from the machine's local mirror instead of the registry.
 */
const args = scriptArgs({
  stage: { type: "string" },
  "auto-approve": { type: "boolean", default: false },
  offline: { type: "boolean", default: false },
});
if (!args.stage || !(stageNames as readonly string[]).includes(args.stage)) {
  throw new Error(`--stage ${stageNames.join("|")}`);
}
const env = loadAppEnv();
const outdir = join(env.outdir, "..", ".local", "bootstrap");
const dir = synthStateStack({ outdir, stage: args.stage as StageName });
console.log(`synthesized ${dir}/cdk.tf.json`);
const approve = args["auto-approve"];
const tfEnv = args.offline
  ? terraformEnv(writeCliConfig(join(outdir, ".terraform-cli")), approve ? {} : { TF_INPUT: "1" })
  : undefined;
const tf = (label: string, tfArgs: string[], interactive = false) =>
  run("terraform", tfArgs, {
    cwd: dir,
    ...(tfEnv ? { env: tfEnv } : {}),
    timeoutSeconds: 900,
    label,
    interactive,
  });
const init = await tf("init", ["init", "-input=false", "-lockfile=readonly"]);
if (init.code !== 0) process.exit(init.code);
// Without --auto-approve, terraform shows the plan and asks.
const apply = await tf("apply", approve ? ["apply", "-input=false", "-auto-approve"] : ["apply"], !approve);
process.exitCode = apply.code;
