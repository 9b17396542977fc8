import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { routeFunctions, triggerFunctions } from "@repo/api/functions";

export const functionNames = [...routeFunctions, ...triggerFunctions];

export function missingBundles(dir: string): string[] {
  return functionNames.filter((name) => !existsSync(join(dir, name, "index.js")));
}

/** Makes sure apps/api's bundles exist (`pnpm --filter @repo/api build` when any is missing). */
export function ensureApiBundles(dir: string): void {
  if (missingBundles(dir).length === 0) return;
  console.log(`API bundles missing in ${dir}: building @repo/api`);
  const res = spawnSync("pnpm", ["--filter", "@repo/api", "build"], { stdio: "inherit" });
  const missing = missingBundles(dir);
  if (res.status !== 0 || missing.length > 0) {
    throw new Error(`@repo/api build did not produce ${missing.join(", ") || "its bundles"} in ${dir}`);
  }
}
