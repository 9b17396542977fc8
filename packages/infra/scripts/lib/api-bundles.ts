import { spawnSync } from "node:child_process";
import { BUILD_COMMAND, bundleStatus } from "@repo/api/bundles";
import { routeFunctions, triggerFunctions } from "@repo/api/functions";

export const functionNames = [...routeFunctions, ...triggerFunctions];

/** Makes sure apps/api's bundles exist and match the sources (`pnpm --filter @repo/api build` if not). */
export function ensureApiBundles(dir: string): void {
  const before = bundleStatus(dir, functionNames);
  if (before.ok) return;
  console.log(`API bundles in ${dir} are ${before.problem}: running ${BUILD_COMMAND}`);
  const res = spawnSync("pnpm", ["--filter", "@repo/api", "build"], { stdio: "inherit" });
  const after = bundleStatus(dir, functionNames);
  if (res.status !== 0 || !after.ok) {
    throw new Error(
      `${BUILD_COMMAND} did not leave usable bundles in ${dir}: ${after.ok ? "build failed" : after.problem}`,
    );
  }
}
