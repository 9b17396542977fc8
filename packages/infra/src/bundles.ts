import { BUILD_COMMAND, bundleStatus } from "@repo/api/bundles";
import { routeFunctions, triggerFunctions } from "@repo/api/functions";

/**
 * The one line `cdktf synth / diff / deploy` prints instead of synthesizing when apps/api's
 * bundles are missing or stale (undefined when they are usable): a deploy must never zip
 * yesterday's code or stop on an ENOENT stack trace.
 */
export function bundleProblem(apiDistDir: string): string | undefined {
  const status = bundleStatus(apiDistDir, [...routeFunctions, ...triggerFunctions]);
  if (status.ok) return undefined;
  return `Lambda bundles in ${apiDistDir} are ${status.problem}: run \`${BUILD_COMMAND}\` first`;
}
