import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { synthStateStack } from "../../src/bootstrap";
import { defaultApiDistDir, type StageName } from "../../src/config";
import { envFilesFromOutputs, parseOutputs } from "../../src/env-files";
import {
  prepareRehearsalStack,
  RehearsalSeedStack,
  rehearsalBackendConfig,
  rehearsalBootstrapExclusions,
  rehearsalExclusions,
  rehearsalForgottenBeforeDestroy,
  rehearsalIgnoredDiffs,
  rehearsalProvider,
  rehearsalRelaxations,
} from "../../src/rehearsal";
import { installLockFile } from "../../src/stacks/terraform-settings";
import { loadStage } from "../../src/stages";
import { synthStages } from "../../src/synth";
import { startMoto } from "./moto";
import { type RunResult, run, terraformEnv, writeCliConfig } from "./terraform";

export type RehearsalStepName =
  | "bootstrap"
  | "seed"
  | "guard"
  | "init"
  | "apply"
  | "outputs"
  | "plan"
  | "protected"
  | "teardown"
  | "forget"
  | "destroy";

export interface RehearsalStep {
  step: RehearsalStepName;
  ok: boolean;
  seconds: number;
  detail: string;
}

export interface RehearsalReport {
  stage: StageName;
  endpoint: string;
  excluded: string[];
  resourcesApplied: number;
  resourcesDestroyed: number;
  steps: RehearsalStep[];
  seconds: number;
  ok: boolean;
}

export interface RehearsalOptions {
  workdir: string;
  stage?: StageName;
  apiDistDir?: string;
  /** Per terraform command. */
  timeoutSeconds?: number;
  log?: (line: string) => void;
}

/** The other deployed stage, whose stack must refuse this stage's account. */
const otherStage: Partial<Record<StageName, StageName>> = { dev: "prod", prod: "dev" };

/** The steps every rehearsal of the stage must have passed. */
export function requiredSteps(stage: StageName): RehearsalStepName[] {
  const config = loadStage(stage, {}).config;
  return [
    ...(config.state.backend === "s3" ? (["bootstrap"] as const) : []),
    ...(otherStage[stage] ? (["guard"] as const) : []),
    "init",
    "apply",
    "outputs",
    "plan",
    ...(config.protection.preventDestroy ? (["protected", "teardown"] as const) : []),
    "destroy",
  ];
}

/**
 * A stage applied to moto_server as it would be to AWS, offline: moto answers as the stage's
 * account (`MOTO_ACCOUNT_ID`), the S3 state bucket is bootstrapped and the stage keeps its state
 * there (the real backend settings, `use_lockfile` included, plus moto's endpoint), the SSM
 * parameters it reads (and a referenced SES identity) are seeded with throwaway values, and the
 * other deployed stage's stack must refuse this account before anything changes. Then apply, read
 * the outputs back, plan again (must be empty), and destroy; a stage with `prevent_destroy` must
 * refuse the plain destroy and is torn down the operator's way (INFRA_TEARDOWN: protections off,
 * apply, destroy). Steps stop at the first failure, but destroy always runs after an apply.
 */
export async function rehearse(opts: RehearsalOptions): Promise<RehearsalReport> {
  const stage = opts.stage ?? "local";
  const log = opts.log ?? ((line: string) => console.log(`[${stage}] ${line}`));
  const timeoutSeconds = opts.timeoutSeconds ?? 300;
  const apiDistDir = opts.apiDistDir ?? defaultApiDistDir;
  const config = loadStage(stage, {}).config;
  const started = Date.now();
  const moto = await startMoto(config.accountId ? { accountId: config.accountId } : {});
  const steps: RehearsalStep[] = [];
  let resourcesApplied = 0;
  let resourcesDestroyed = 0;
  try {
    log(`moto_server on ${moto.endpoint}, account ${config.accountId ?? "123456789012 (moto's default)"}`);
    rmSync(opts.workdir, { recursive: true, force: true });
    mkdirSync(opts.workdir, { recursive: true });
    const provider = rehearsalProvider(moto.endpoint, { checkAccount: config.accountId !== undefined });
    const remoteState = config.state.backend === "s3";

    const env = terraformEnv(writeCliConfig(join(opts.workdir, "cli")), {
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_EC2_METADATA_DISABLED: "true",
    });
    const tf = (step: RehearsalStepName, cwd: string, args: string[]) =>
      run("terraform", args, { cwd, env, timeoutSeconds, label: `${stage} ${step}`, quiet: true });
    const record = (step: RehearsalStepName, res: RunResult, ok: boolean, detail: string) => {
      steps.push({ step, ok, seconds: res.seconds, detail });
      log(`${ok ? "ok  " : "FAIL"} ${step} (${res.seconds.toFixed(1)}s) ${detail}`);
      if (!ok) log(lastLines(`${res.stdout}\n${res.stderr}`, 40));
      return ok;
    };
    const report = (): RehearsalReport => ({
      stage,
      endpoint: moto.endpoint,
      excluded: rehearsalExclusions.map((e) => e.type),
      resourcesApplied,
      resourcesDestroyed,
      steps,
      seconds: (Date.now() - started) / 1000,
      ok: requiredSteps(stage).every((st) => steps.some((s) => s.step === st)) && steps.every((s) => s.ok),
    });
    const initArgs = (backendFile?: string) => [
      "init",
      "-input=false",
      "-no-color",
      "-lockfile=readonly",
      ...(backendFile ? [`-backend-config=${backendFile}`] : []),
    ];
    /** init + apply of a small helper stack; the two runs count as one step. */
    const applyHelper = async (step: RehearsalStepName, dir: string, detail: string) => {
      const init = await tf(step, dir, initArgs());
      if (init.code !== 0) return record(step, init, false, "terraform init failed");
      const apply = await tf(step, dir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
      const added = /Resources: (\d+) added/.exec(apply.stdout)?.[1] ?? "0";
      const both = { ...apply, seconds: init.seconds + apply.seconds };
      return record(step, both, apply.code === 0, `${added} resources: ${detail}`);
    };

    for (const e of rehearsalExclusions) log(`excluded from the rehearsal: ${e.type} (${e.reason})`);
    for (const f of rehearsalForgottenBeforeDestroy) {
      log(`applied, then dropped from the state before destroy: ${f.type} (${f.reason})`);
    }
    for (const r of rehearsalRelaxations) log(`relaxed: ${r.what} (${r.reason})`);
    for (const d of rehearsalIgnoredDiffs) {
      log(`applied, diff ignored on re-plan: ${d.type} ${d.attributes.join(", ")} (${d.reason})`);
    }
    if (remoteState) {
      for (const e of rehearsalBootstrapExclusions)
        log(`excluded from the bootstrap: ${e.type} (${e.reason})`);
    }

    // 1. What exists before a first deploy: the state bucket, the SSM parameters, a referenced SES identity.
    if (remoteState) {
      const dir = synthStateStack({ outdir: join(opts.workdir, "bootstrap"), stage, provider, env: {} });
      const file = join(dir, "cdk.tf.json");
      const json = JSON.parse(readFileSync(file, "utf8"));
      const bootstrap = prepareRehearsalStack(json, rehearsalBootstrapExclusions, { keepBackend: true });
      writeFileSync(file, JSON.stringify(bootstrap.stack, null, 2));
      const state = config.state as { bucket: string };
      if (!(await applyHelper("bootstrap", dir, `state bucket ${state.bucket}`))) return report();
    }
    const seedApp = new App({ outdir: join(opts.workdir, "seed") });
    new RehearsalSeedStack(seedApp, `seed-${stage}`, { config, provider });
    seedApp.synth();
    const seedDir = join(opts.workdir, "seed", "stacks", `seed-${stage}`);
    installLockFile(seedDir);
    const seedJson = JSON.parse(readFileSync(join(seedDir, "cdk.tf.json"), "utf8"));
    const seeded = Object.entries(seedJson.resource ?? {}).map(
      ([type, byName]) => `${Object.keys(byName as object).length} ${type}`,
    );
    if (
      seeded.length > 0 &&
      !(await applyHelper("seed", seedDir, `${seeded.join(", ")} (throwaway values)`))
    ) {
      return report();
    }

    // 2. Synthesize the stage (and the other deployed stage, for the account guard) against moto.
    const synthDir = join(opts.workdir, "synth");
    const other = otherStage[stage];
    const dirs = synthStages({
      outdir: synthDir,
      stages: other ? [stage, other] : [stage],
      apiDistDir,
      provider,
      env: {},
    });
    const stackDir = join(opts.workdir, "stack");
    const writeStack = (from: string) => {
      const synthesized = JSON.parse(readFileSync(join(from, "cdk.tf.json"), "utf8"));
      const prepared = prepareRehearsalStack(synthesized, rehearsalExclusions, { keepBackend: remoteState });
      writeFileSync(join(stackDir, "cdk.tf.json"), JSON.stringify(prepared.stack, null, 2));
      return prepared;
    };
    mkdirSync(stackDir, { recursive: true });
    cpSync(join(dirs[stage], "assets"), join(stackDir, "assets"), { recursive: true });
    cpSync(join(dirs[stage], ".terraform.lock.hcl"), join(stackDir, ".terraform.lock.hcl"));
    const { stack, removed } = writeStack(dirs[stage]);
    log(`removed: ${removed.join(", ") || "nothing"}`);

    // 3. The other stage's stack refuses this account before reading or changing anything.
    if (other) {
      const guardDir = join(opts.workdir, "guard");
      mkdirSync(guardDir, { recursive: true });
      cpSync(join(dirs[other], "assets"), join(guardDir, "assets"), { recursive: true });
      cpSync(join(dirs[other], ".terraform.lock.hcl"), join(guardDir, ".terraform.lock.hcl"));
      const otherJson = JSON.parse(readFileSync(join(dirs[other], "cdk.tf.json"), "utf8"));
      writeFileSync(join(guardDir, "cdk.tf.json"), JSON.stringify(prepareRehearsalStack(otherJson).stack));
      const init = await tf("guard", guardDir, initArgs());
      const plan = await tf("guard", guardDir, ["plan", "-input=false", "-no-color", "-lock=false"]);
      const refused = plan.code !== 0 && /account id not allowed/i.test(plan.stderr);
      const res = { ...plan, seconds: init.seconds + plan.seconds };
      if (
        !record(
          "guard",
          res,
          init.code === 0 && refused,
          `${other}'s stack under ${stage}'s account: "AWS account ID not allowed"`,
        )
      ) {
        return report();
      }
    }

    // 4. Apply, read back, re-plan.
    let backendFile: string | undefined;
    if (remoteState) {
      backendFile = join(opts.workdir, "moto.s3.tfbackend");
      writeFileSync(backendFile, rehearsalBackendConfig(moto.endpoint));
    }
    const init = await tf("init", stackDir, initArgs(backendFile));
    const backend = remoteState ? `S3 backend ${describeBackend(stack)}` : "local state file";
    if (!record("init", init, init.code === 0, `providers from the local mirror, ${backend}`))
      return report();

    const apply = await tf("apply", stackDir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    const added = /Apply complete! Resources: (\d+) added/.exec(apply.stdout);
    resourcesApplied = added ? Number(added[1]) : 0;
    const applied = record("apply", apply, apply.code === 0, `${resourcesApplied} resources added`);

    if (applied) {
      const out = await tf("outputs", stackDir, ["output", "-json", "-no-color"]);
      let detail = "terraform output failed";
      let ok = false;
      if (out.code === 0) {
        try {
          const outputs = parseOutputs(JSON.parse(out.stdout), stage);
          const files = envFilesFromOutputs(outputs);
          const issuer = `https://cognito-idp.${config.region}.amazonaws.com/${outputs.user_pool_id}`;
          ok = outputs.issuer === issuer && files.api.COGNITO_CLIENT_IDS.split(",").length === 3;
          detail = `pool ${outputs.user_pool_id}, issuer ${ok ? "matches" : `is ${outputs.issuer}`}, api ${outputs.api_url}`;
        } catch (err) {
          detail = (err as Error).message;
        }
      }
      record("outputs", out, ok, detail);
      const plan = await tf("plan", stackDir, ["plan", "-detailed-exitcode", "-input=false", "-no-color"]);
      record(
        "plan",
        plan,
        plan.code === 0,
        plan.code === 0
          ? "no changes"
          : plan.code === 2
            ? `changes planned after apply:\n${changes(plan.stdout)}`
            : "plan failed",
      );
    }

    // 5. Tear down as an operator would.
    if (applied && config.protection.preventDestroy) {
      const refused = await tf("protected", stackDir, [
        "destroy",
        "-auto-approve",
        "-input=false",
        "-no-color",
      ]);
      const stopped = refused.code !== 0 && /Instance cannot be destroyed/.test(refused.stderr);
      record(
        "protected",
        refused,
        stopped,
        'plain destroy refused: "Instance cannot be destroyed" (prevent_destroy)',
      );
      const teardownDirs = synthStages({
        outdir: join(opts.workdir, "synth-teardown"),
        stages: [stage],
        apiDistDir,
        provider,
        env: {},
        teardown: [stage],
      });
      writeStack(teardownDirs[stage]);
      const off = await tf("teardown", stackDir, ["apply", "-auto-approve", "-input=false", "-no-color"]);
      const changed = /Apply complete! Resources: \d+ added, (\d+) changed/.exec(off.stdout)?.[1] ?? "0";
      record(
        "teardown",
        off,
        off.code === 0,
        `INFRA_TEARDOWN=${stage}: protections off, ${changed} resources changed`,
      );
    }
    const forget = Object.keys(stack.resource ?? {})
      .filter((type) => rehearsalForgottenBeforeDestroy.some((f) => f.type === type))
      .flatMap((type) => Object.keys(stack.resource?.[type] ?? {}).map((name) => `${type}.${name}`));
    if (applied && forget.length > 0) {
      const rm = await tf("forget", stackDir, ["state", "rm", "-no-color", ...forget]);
      record("forget", rm, rm.code === 0, forget.join(", "));
    }
    const destroy = await tf("destroy", stackDir, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
    const destroyed = /Destroy complete! Resources: (\d+) destroyed/.exec(destroy.stdout);
    resourcesDestroyed = destroyed ? Number(destroyed[1]) : 0;
    record("destroy", destroy, destroy.code === 0, `${resourcesDestroyed} resources destroyed`);
    return report();
  } finally {
    await moto.stop();
  }
}

function describeBackend(stack: { terraform?: { backend?: unknown } }): string {
  const s3 = (stack.terraform?.backend as { s3?: Record<string, unknown> } | undefined)?.s3 ?? {};
  return `s3://${s3.bucket}/${s3.key} (encrypt ${s3.encrypt}, use_lockfile ${s3.use_lockfile})`;
}

/** The "will be updated/created/destroyed" lines of a plan. */
function changes(stdout: string): string {
  return stdout
    .split("\n")
    .filter((l) => /^\s*# .+ (will|must) be /.test(l) || /^\s*[~+-] /.test(l))
    .slice(0, 40)
    .join("\n");
}

function lastLines(text: string, n: number): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
