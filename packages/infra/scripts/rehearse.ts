import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadAppEnv, type StageName, stageNames } from "../src/config";
import { ensureApiBundles } from "./lib/api-bundles";
import { type RehearsalReport, rehearse } from "./lib/rehearse";
import { rehearseWithCdktf } from "./lib/rehearse-cdktf";

/**
 * `pnpm --filter @repo/infra rehearse [-- --stage local|dev|prod|all]`: real `terraform apply`s of
 * a stage against moto_server on 127.0.0.1, a second plan that must show no changes, then destroy
 * (scripts/lib/rehearse.ts). `rehearse:all` runs local, dev and prod side by side.
 * `-- --via cdktf` runs `cdktf deploy / diff / destroy local` instead of terraform itself.
 */
const { values: args } = parseArgs({
  // `pnpm run <script> -- --flag` passes the `--` along.
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--")),
  options: {
    via: { type: "string", default: "terraform" },
    stage: { type: "string", default: "local" },
  },
});
if (args.via !== "terraform" && args.via !== "cdktf") throw new Error("--via terraform|cdktf");
const wanted = args.stage === "all" ? [...stageNames] : [args.stage as StageName];
if (!wanted.every((s) => (stageNames as readonly string[]).includes(s))) {
  throw new Error(`--stage ${stageNames.join("|")}|all`);
}
if (args.via === "cdktf" && wanted.join() !== "local") throw new Error("--via cdktf rehearses local only");
const env = loadAppEnv();
ensureApiBundles(env.apiDistDir);
const started = Date.now();
// The stages rehearse side by side: each has its own moto_server, work directory and Terraform
// CLI config, and most of their time is spent waiting on Terraform and moto, not on the CPU.
const reports: RehearsalReport[] = await Promise.all(
  wanted.map((stage) =>
    args.via === "cdktf"
      ? rehearseWithCdktf({ workdir: join(env.outdir, "rehearsal-cdktf"), apiDistDir: env.apiDistDir })
      : rehearse({ workdir: join(env.outdir, "rehearsal", stage), stage, apiDistDir: env.apiDistDir }),
  ),
);
for (const r of reports) {
  console.log(
    `rehearsal of ${r.stage} ${r.ok ? "passed" : "FAILED"} in ${r.seconds.toFixed(1)}s: ` +
      `${r.resourcesApplied} resources applied, ${r.resourcesDestroyed} destroyed, excluded ${r.excluded.join(", ")}`,
  );
  for (const s of r.steps)
    console.log(
      `  ${s.ok ? "ok  " : "FAIL"} ${s.step.padEnd(9)} ${s.seconds.toFixed(1).padStart(6)}s  ${s.detail.split("\n")[0]}`,
    );
}
const failed = reports.filter((r) => !r.ok).length;
console.log(
  `${reports.length - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)}s`,
);
process.exitCode = failed === 0 ? 0 : 1;
