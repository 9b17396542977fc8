import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { App } from "cdktf";
import { StateStack } from "./stacks/state-stack";
import { installLockFile, repairHclTerraformBlock } from "./stacks/terraform-settings";
import { loadStage, type StageName } from "./stages";

/** The bootstrap stack's name for a stage. */
export const stateStackName = (stage: StageName) => `state-${stage}`;

/**
 * Synthesizes the stage's state-bucket stack into `<outdir>/stacks/state-<stage>/` (its own
 * app, so `cdktf.out` holds stages only) and returns that folder.
 */
export function synthStateStack(opts: {
  outdir: string;
  stage: StageName;
  provider?: Partial<AwsProviderConfig>;
  env?: Record<string, string | undefined>;
}): string {
  mkdirSync(opts.outdir, { recursive: true });
  const app = new App({ outdir: opts.outdir });
  const name = stateStackName(opts.stage);
  new StateStack(app, name, {
    config: loadStage(opts.stage, opts.env).config,
    ...(opts.provider ? { provider: opts.provider } : {}),
  });
  app.synth();
  const dir = join(opts.outdir, "stacks", name);
  installLockFile(dir);
  repairHclTerraformBlock(dir);
  return dir;
}
