import { bundleProblem } from "./bundles";
import { loadAppEnv } from "./config";
import { rehearsalProvider } from "./rehearsal";
import { synthStages } from "./synth";

/**
 * The CDKTF app (`cdktf.json`): one stack per stage (`local`, `dev`, `prod`), named after the
 * stage. `INFRA_STAGES=dev` synthesizes only some; `cdktf deploy dev` deploys one.
 */
const env = loadAppEnv();
const problem = bundleProblem(env.apiDistDir);
if (problem) {
  console.error(problem);
  process.exit(1);
}
for (const stage of env.teardown) {
  console.error(
    `INFRA_TEARDOWN: ${stage} is synthesized with every protection off (docs/deploy.md, "Tear down")`,
  );
}
if (env.rehearsalEndpoint) {
  // `INFRA_REHEARSAL_ENDPOINT=http://127.0.0.1:<port> cdktf deploy local`: the offline rehearsal
  // through the cdktf CLI (scripts/rehearse.ts --via cdktf).
  synthStages({
    outdir: env.outdir,
    stages: ["local"],
    apiDistDir: env.apiDistDir,
    provider: rehearsalProvider(env.rehearsalEndpoint),
    // <outdir>/../.local/rehearsal/, from the stack folder <outdir>/stacks/local/.
    rehearsalStatePath: "../../../.local/rehearsal/terraform.tfstate",
  });
} else {
  synthStages({ outdir: env.outdir, stages: env.stages, apiDistDir: env.apiDistDir, teardown: env.teardown });
}
