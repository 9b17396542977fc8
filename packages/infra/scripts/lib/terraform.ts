import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The provider version the `@cdktf/provider-aws` bindings target. */
export const AWS_PROVIDER_VERSION = "5.100.0";

const providerPath = join("registry.terraform.io", "hashicorp", "aws", AWS_PROVIDER_VERSION);

/**
 * The machine's local provider mirror: `TF_PROVIDER_MIRROR`, or the first usual place that holds
 * hashicorp/aws at the bound version. Terraform never downloads a provider here.
 */
export function findProviderMirror(): string {
  const candidates = [
    process.env.TF_PROVIDER_MIRROR,
    "/opt/tf-plugins",
    join(homedir(), ".terraform.d", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((dir) => existsSync(join(dir, providerPath)));
  if (!found) {
    throw new Error(
      `No local provider mirror with ${providerPath} in ${candidates.join(", ")}; set TF_PROVIDER_MIRROR`,
    );
  }
  return found;
}

/** Writes a Terraform CLI config that installs providers only from the mirror. */
export function writeCliConfig(dir: string, mirror = findProviderMirror()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "terraform.rc");
  writeFileSync(
    file,
    [
      "disable_checkpoint = true",
      "provider_installation {",
      `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["*/*"]\n  }`,
      '  direct {\n    exclude = ["*/*"]\n  }',
      "}",
      "",
    ].join("\n"),
  );
  return file;
}

/** Environment for every terraform call: the offline CLI config, no prompts, no telemetry. */
export function terraformEnv(cliConfigFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Runs a command under `timeout` (so a provider stuck retrying fails instead of hanging), echoing
 * its output with a prefix, and returns what it printed.
 */
export function run(
  command: string,
  args: string[],
  opts: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    timeoutSeconds: number;
    label: string;
    quiet?: boolean;
    /** Let the command read this terminal (terraform apply's approval prompt). */
    interactive?: boolean;
  },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("timeout", ["--kill-after=10", String(opts.timeoutSeconds), command, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: [opts.interactive ? "inherit" : "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const echo = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      if (opts.quiet) return;
      for (const line of chunk.toString().split("\n")) if (line) stream.write(`[${opts.label}] ${line}\n`);
    };
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      echo(c, process.stdout);
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      echo(c, process.stderr);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (Date.now() - started) / 1000;
      if (code === 124) stderr += `\n${opts.label}: timed out after ${opts.timeoutSeconds}s`;
      resolve({ code: code ?? 1, stdout, stderr, seconds });
    });
  });
}
