import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadAppEnv } from "../src/config";
import { ensureApiBundles } from "./lib/api-bundles";
import { rehearse } from "./lib/rehearse";
import { rehearseWithCdktf } from "./lib/rehearse-cdktf";

/**
 * `pnpm --filter @repo/infra rehearse`: a real `terraform apply` of the `local` stage against
 * moto_server on 127.0.0.1, a second plan that must show no changes, then destroy.
 * `-- --via cdktf` runs `cdktf deploy / diff / destroy local` instead of terraform itself.
 */
const { values: args } = parseArgs({
  // `pnpm run <script> -- --flag` passes the `--` along.
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--")),
  options: { via: { type: "string", default: "terraform" } },
});
if (args.via !== "terraform" && args.via !== "cdktf") throw new Error("--via terraform|cdktf");
const env = loadAppEnv();
ensureApiBundles(env.apiDistDir);
const started = Date.now();
const report =
  args.via === "cdktf"
    ? await rehearseWithCdktf({ workdir: join(env.outdir, "rehearsal-cdktf"), apiDistDir: env.apiDistDir })
    : await rehearse({ workdir: join(env.outdir, "rehearsal"), apiDistDir: env.apiDistDir });
const stepsFailed = report.steps.filter((s) => !s.ok).length;
const failed = report.ok ? 0 : Math.max(stepsFailed, 1);
console.log(
  `rehearsal ${report.ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)}s: ` +
    `${report.resourcesApplied} resources applied, excluded ${report.excluded.join(", ")}`,
);
console.log(`${report.steps.filter((s) => s.ok).length} passed, ${failed} failed`);
process.exitCode = report.ok ? 0 : 1;
