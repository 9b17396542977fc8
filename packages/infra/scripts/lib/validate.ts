import { readdirSync } from "node:fs";
import { join } from "node:path";
import { run, terraformEnv, writeCliConfig } from "./terraform";

export interface StackValidation {
  stack: string;
  valid: boolean;
  errorCount: number;
  warningCount: number;
  diagnostics: string[];
  seconds: number;
}

interface ValidateJson {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: { severity: string; summary: string; detail?: string; address?: string }[];
}

/**
 * `terraform init` (providers from the local mirror only, checked against the committed lock
 * file, no backend) and `terraform validate`
 * of every synthesized stack under `<outdir>/stacks/`.
 */
export async function validateStacks(outdir: string): Promise<StackValidation[]> {
  const cliConfig = writeCliConfig(join(outdir, ".terraform-cli"));
  const env = terraformEnv(cliConfig, { TF_PLUGIN_CACHE_DIR: "" });
  const stacksDir = join(outdir, "stacks");
  const results: StackValidation[] = [];
  for (const stack of readdirSync(stacksDir).sort()) {
    const cwd = join(stacksDir, stack);
    const started = Date.now();
    const init = await run(
      "terraform",
      ["init", "-backend=false", "-input=false", "-no-color", "-lockfile=readonly"],
      {
        cwd,
        env,
        timeoutSeconds: 120,
        label: `${stack} init`,
        quiet: true,
      },
    );
    if (init.code !== 0) {
      results.push({
        stack,
        valid: false,
        errorCount: 1,
        warningCount: 0,
        diagnostics: [`terraform init failed: ${init.stderr.trim() || init.stdout.trim()}`],
        seconds: (Date.now() - started) / 1000,
      });
      continue;
    }
    const validate = await run("terraform", ["validate", "-json", "-no-color"], {
      cwd,
      env,
      timeoutSeconds: 120,
      label: `${stack} validate`,
      quiet: true,
    });
    const report = JSON.parse(validate.stdout) as ValidateJson;
    results.push({
      stack,
      valid: report.valid && validate.code === 0,
      errorCount: report.error_count,
      warningCount: report.warning_count,
      diagnostics: report.diagnostics.map(
        (d) =>
          `${d.severity}: ${d.summary}${d.address ? ` (${d.address})` : ""}${d.detail ? `: ${d.detail}` : ""}`,
      ),
      seconds: (Date.now() - started) / 1000,
    });
  }
  return results;
}
