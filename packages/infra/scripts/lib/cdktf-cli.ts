import { fileURLToPath } from "node:url";
import { type RunResult, run } from "./terraform";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the cdktf CLI of this package (`cdktf.json` → `npx tsx src/main.ts`) with the given stages. */
export function cdktf(
  args: string[],
  opts: { stages: string[]; apiDistDir: string; timeoutSeconds?: number; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return run("npx", ["cdktf", ...args], {
    cwd: packageDir,
    env: {
      ...(opts.env ?? process.env),
      CHECKPOINT_DISABLE: "1",
      INFRA_STAGES: opts.stages.join(","),
      API_DIST_DIR: opts.apiDistDir,
    },
    timeoutSeconds: opts.timeoutSeconds ?? 180,
    label: "cdktf",
    quiet: true,
  });
}
