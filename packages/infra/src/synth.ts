import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { App } from "cdktf";
import { excludeFromRehearsal } from "./rehearsal";
import { AppStack } from "./stacks/app-stack";
import { installLockFile, repairHclTerraformBlock } from "./stacks/terraform-settings";
import { loadStage, type StageName } from "./stages";

export interface SynthOptions {
  outdir: string;
  stages: readonly StageName[];
  apiDistDir: string;
  provider?: Partial<AwsProviderConfig>;
  env?: Record<string, string | undefined>;
  /** Stages synthesized with every protection off (`INFRA_TEARDOWN`), for a deliberate destroy. */
  teardown?: readonly StageName[];
  /** `cdktf deploy` rehearsal: drop what moto cannot serve, keep state in this file (relative to the stack folder). */
  rehearsalStatePath?: string;
}

/** Synthesizes one stack per stage into `<outdir>/stacks/<stage>/cdk.tf.json`; returns the stack folders. */
export function synthStages(opts: SynthOptions): Record<StageName, string> {
  mkdirSync(opts.outdir, { recursive: true });
  const app = new App({ outdir: opts.outdir });
  const dirs = {} as Record<StageName, string>;
  for (const name of opts.stages) {
    const stack = new AppStack(app, name, {
      stage: loadStage(name, opts.env, { teardown: opts.teardown?.includes(name) ?? false }),
      apiDistDir: opts.apiDistDir,
      ...(opts.provider ? { provider: opts.provider } : {}),
      ...(opts.rehearsalStatePath ? { localStatePath: opts.rehearsalStatePath } : {}),
    });
    if (opts.rehearsalStatePath) excludeFromRehearsal(stack);
    dirs[name] = join(opts.outdir, "stacks", name);
  }
  app.synth();
  for (const dir of Object.values(dirs)) {
    installLockFile(dir);
    repairHclTerraformBlock(dir);
  }
  return dirs;
}
