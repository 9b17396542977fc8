import { rmSync } from "node:fs";
import { join } from "node:path";
import { defaultApiDistDir } from "../../src/config";
import { rehearsalExclusions, rehearsalForgottenBeforeDestroy } from "../../src/rehearsal";
import { cdktf } from "./cdktf-cli";
import { startMoto } from "./moto";
import type { RehearsalOptions, RehearsalReport, RehearsalStep } from "./rehearse";
import { type RunResult, run, terraformEnv, writeCliConfig } from "./terraform";

/**
 * The rehearsal through the cdktf CLI, as an operator deploys: `cdktf deploy local`, `cdktf diff
 * local` (must say "No changes."), `cdktf destroy local`, against moto. The app leaves out the same
 * resources (INFRA_REHEARSAL_ENDPOINT, src/main.ts) and keeps the state in its own file.
 */
export async function rehearseWithCdktf(opts: RehearsalOptions): Promise<RehearsalReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const timeoutSeconds = opts.timeoutSeconds ?? 400;
  const apiDistDir = opts.apiDistDir ?? defaultApiDistDir;
  const started = Date.now();
  const moto = await startMoto();
  const steps: RehearsalStep[] = [];
  let resourcesApplied = 0;
  let resourcesDestroyed = 0;
  try {
    log(`moto_server on ${moto.endpoint}`);
    rmSync(opts.workdir, { recursive: true, force: true });
    for (const e of rehearsalExclusions) log(`excluded from the rehearsal: ${e.type} (${e.reason})`);
    const outdir = join(opts.workdir, "out");
    const env = terraformEnv(writeCliConfig(join(opts.workdir, "cli")), {
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_EC2_METADATA_DISABLED: "true",
      INFRA_REHEARSAL_ENDPOINT: moto.endpoint,
    });
    const cli = (args: string[]) =>
      cdktf([...args, "local", "--skip-provider-lock", "--output", outdir], {
        stages: ["local"],
        apiDistDir,
        timeoutSeconds,
        env,
      });
    const record = (step: RehearsalStep["step"], res: RunResult, ok: boolean, detail: string) => {
      steps.push({ step, ok, seconds: res.seconds, detail });
      log(`${ok ? "ok  " : "FAIL"} cdktf ${step} (${res.seconds.toFixed(1)}s) ${detail}`);
      if (!ok) log(`${res.stdout}\n${res.stderr}`.trim().split("\n").slice(-40).join("\n"));
      return ok;
    };

    const deploy = await cli(["deploy", "--auto-approve"]);
    const added = /Apply complete! Resources: (\d+) added/.exec(deploy.stdout);
    resourcesApplied = added ? Number(added[1]) : 0;
    const applied = record(
      "apply",
      deploy,
      deploy.code === 0 && added !== null,
      `${resourcesApplied} resources added`,
    );

    if (applied) {
      const diff = await cli(["diff"]);
      const clean = diff.code === 0 && diff.stdout.includes("No changes.");
      record("plan", diff, clean, clean ? "no changes" : "changes after deploy");

      const stackDir = join(outdir, "stacks", "local");
      const list = await run("terraform", ["state", "list"], {
        cwd: stackDir,
        env,
        timeoutSeconds: 60,
        label: "state",
        quiet: true,
      });
      const forget = list.stdout
        .split("\n")
        .filter((a) => rehearsalForgottenBeforeDestroy.some((f) => a.startsWith(`${f.type}.`)));
      if (forget.length > 0) {
        const rm = await run("terraform", ["state", "rm", "-no-color", ...forget], {
          cwd: stackDir,
          env,
          timeoutSeconds: 60,
          label: "state rm",
          quiet: true,
        });
        record("forget", rm, rm.code === 0, forget.join(", "));
      }
    }
    const destroy = await cli(["destroy", "--auto-approve"]);
    const destroyed = /Destroy complete! Resources: (\d+) destroyed/.exec(destroy.stdout);
    resourcesDestroyed = Number(destroyed?.[1] ?? 0);
    record("destroy", destroy, destroy.code === 0, `${resourcesDestroyed} resources destroyed`);
  } finally {
    await moto.stop();
  }
  return {
    stage: "local",
    endpoint: moto.endpoint,
    resourcesDestroyed,
    seconds: (Date.now() - started) / 1000,
    excluded: rehearsalExclusions.map((e) => e.type),
    resourcesApplied,
    steps,
    ok:
      ["apply", "plan", "destroy"].every((step) => steps.some((s) => s.step === step)) &&
      steps.every((s) => s.ok),
  };
}
