import { loadAppEnv } from "../src/config";
import { synthStages } from "../src/synth";
import { ensureApiBundles } from "./lib/api-bundles";

/** `pnpm --filter @repo/infra synth`: apps/api bundles, then every stage into cdktf.out/. */
const env = loadAppEnv();
ensureApiBundles(env.apiDistDir);
const started = Date.now();
const dirs = synthStages({ outdir: env.outdir, stages: env.stages, apiDistDir: env.apiDistDir });
for (const [stage, dir] of Object.entries(dirs)) console.log(`synthesized ${stage} -> ${dir}/cdk.tf.json`);
console.log(`synth took ${((Date.now() - started) / 1000).toFixed(1)}s`);
