import { loadAppEnv } from "../src/config";
import { synthStages } from "../src/synth";
import { ensureApiBundles } from "./lib/api-bundles";
import { validateStacks } from "./lib/validate";

/** `pnpm --filter @repo/infra validate`: synth every stage, then terraform init + validate each, offline. */
const env = loadAppEnv();
ensureApiBundles(env.apiDistDir);
synthStages({ outdir: env.outdir, stages: env.stages, apiDistDir: env.apiDistDir });
const results = await validateStacks(env.outdir);
for (const r of results) {
  console.log(
    `${r.valid ? "valid  " : "INVALID"} ${r.stack}: ${r.errorCount} errors, ${r.warningCount} warnings (${r.seconds.toFixed(1)}s)`,
  );
  for (const d of r.diagnostics) console.log(`  ${d}`);
}
const failed = results.filter((r) => !r.valid).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
