import { loadAppEnv } from "./config";
import { synthStages } from "./synth";

/**
 * The CDKTF app (`cdktf.json`): one stack per stage (`local`, `dev`, `prod`), named after the
 * stage. `INFRA_STAGES=dev` synthesizes only some; `cdktf deploy dev` deploys one.
 */
const env = loadAppEnv();
synthStages({ outdir: env.outdir, stages: env.stages, apiDistDir: env.apiDistDir });
