import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultApiDistDir } from "../../src/config";
import { envFilesFromOutputs, parseOutputs } from "../../src/env-files";
import {
  prepareRehearsalStack,
  rehearsalExclusions,
  rehearsalForgottenBeforeDestroy,
  rehearsalProvider,
} from "../../src/rehearsal";
import { synthStages } from "../../src/synth";
import { startMoto } from "./moto";
import { type RunResult, run, terraformEnv, writeCliConfig } from "./terraform";

export interface RehearsalStep {
  step: "init" | "apply" | "outputs" | "plan" | "forget" | "destroy";
  ok: boolean;
  seconds: number;
  detail: string;
}

export interface RehearsalReport {
  endpoint: string;
  excluded: string[];
  resourcesApplied: number;
  steps: RehearsalStep[];
  ok: boolean;
}

export interface RehearsalOptions {
  workdir: string;
  apiDistDir?: string;
  /** Per terraform command. */
  timeoutSeconds?: number;
  log?: (line: string) => void;
}

/**
 * Applies the `local` stage to moto_server with real terraform, checks that a second plan has no
 * changes, then destroys. Steps stop at the first failure, but destroy always runs after an apply.
 */
export async function rehearse(opts: RehearsalOptions): Promise<RehearsalReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const timeoutSeconds = opts.timeoutSeconds ?? 240;
  const moto = await startMoto();
  const steps: RehearsalStep[] = [];
  try {
    log(`moto_server on ${moto.endpoint}`);
    rmSync(opts.workdir, { recursive: true, force: true });
    const outdir = join(opts.workdir, "synth");
    const dirs = synthStages({
      outdir,
      stages: ["local"],
      apiDistDir: opts.apiDistDir ?? defaultApiDistDir,
      provider: rehearsalProvider(moto.endpoint),
    });
    const stackDir = join(opts.workdir, "stack");
    mkdirSync(stackDir, { recursive: true });
    cpSync(join(dirs.local, "assets"), join(stackDir, "assets"), { recursive: true });
    cpSync(join(dirs.local, ".terraform.lock.hcl"), join(stackDir, ".terraform.lock.hcl"));
    const synthesized = JSON.parse(readFileSync(join(dirs.local, "cdk.tf.json"), "utf8"));
    const { stack, removed } = prepareRehearsalStack(synthesized);
    writeFileSync(join(stackDir, "cdk.tf.json"), JSON.stringify(stack, null, 2));
    for (const exclusion of rehearsalExclusions) {
      log(`excluded from the rehearsal: ${exclusion.type} (${exclusion.reason})`);
    }
    for (const f of rehearsalForgottenBeforeDestroy) {
      log(`applied, then dropped from the state before destroy: ${f.type} (${f.reason})`);
    }
    log(`removed: ${removed.join(", ") || "nothing"}`);

    const env = terraformEnv(writeCliConfig(join(opts.workdir, "cli")), {
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_EC2_METADATA_DISABLED: "true",
    });
    const tf = (step: RehearsalStep["step"], args: string[]) =>
      run("terraform", args, { cwd: stackDir, env, timeoutSeconds, label: step, quiet: true });
    const record = (step: RehearsalStep["step"], res: RunResult, ok: boolean, detail: string) => {
      const entry = { step, ok, seconds: res.seconds, detail };
      steps.push(entry);
      log(`${ok ? "ok  " : "FAIL"} ${step} (${res.seconds.toFixed(1)}s) ${detail}`);
      if (!ok) log(lastLines(`${res.stdout}\n${res.stderr}`, 40));
      return ok;
    };

    const init = await tf("init", ["init", "-input=false", "-no-color", "-lockfile=readonly"]);
    if (!record("init", init, init.code === 0, "providers from the local mirror")) return report();

    const apply = await tf("apply", ["apply", "-auto-approve", "-input=false", "-no-color"]);
    const added = /Apply complete! Resources: (\d+) added/.exec(apply.stdout);
    const resourcesApplied = added ? Number(added[1]) : 0;
    const applied = record("apply", apply, apply.code === 0, `${resourcesApplied} resources added`);

    if (applied) {
      // The stack's outputs, read back from the applied state, make complete env files for the apps.
      const out = await tf("outputs", ["output", "-json", "-no-color"]);
      let detail = "terraform output failed";
      let ok = false;
      if (out.code === 0) {
        try {
          const outputs = parseOutputs(JSON.parse(out.stdout));
          const files = envFilesFromOutputs(outputs);
          const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${outputs.user_pool_id}`;
          ok = outputs.issuer === issuer && files.api.COGNITO_CLIENT_IDS.split(",").length === 3;
          detail = `pool ${outputs.user_pool_id}, issuer ${ok ? "matches" : `is ${outputs.issuer}`}, api ${outputs.api_url}`;
        } catch (err) {
          detail = (err as Error).message;
        }
      }
      record("outputs", out, ok, detail);
      const plan = await tf("plan", ["plan", "-detailed-exitcode", "-input=false", "-no-color"]);
      record(
        "plan",
        plan,
        plan.code === 0,
        plan.code === 0 ? "no changes" : plan.code === 2 ? "changes planned after apply" : "plan failed",
      );
    }
    const forget = Object.keys(stack.resource ?? {})
      .filter((type) => rehearsalForgottenBeforeDestroy.some((f) => f.type === type))
      .flatMap((type) => Object.keys(stack.resource?.[type] ?? {}).map((name) => `${type}.${name}`));
    if (applied && forget.length > 0) {
      const rm = await tf("forget", ["state", "rm", "-no-color", ...forget]);
      record("forget", rm, rm.code === 0, forget.join(", "));
    }
    const destroy = await tf("destroy", ["destroy", "-auto-approve", "-input=false", "-no-color"]);
    const destroyed = /Destroy complete! Resources: (\d+) destroyed/.exec(destroy.stdout);
    record("destroy", destroy, destroy.code === 0, `${destroyed?.[1] ?? 0} resources destroyed`);
    return report(resourcesApplied);
  } finally {
    await moto.stop();
  }

  function report(resourcesApplied = 0): RehearsalReport {
    return {
      endpoint: moto.endpoint,
      excluded: rehearsalExclusions.map((e) => e.type),
      resourcesApplied,
      steps,
      ok:
        ["init", "apply", "plan", "destroy"].every((step) => steps.some((s) => s.step === step)) &&
        steps.every((s) => s.ok),
    };
  }
}

function lastLines(text: string, n: number): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
