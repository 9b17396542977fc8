/**
 * What every synthesized stack says about Terraform itself: the version it needs, where its state
 * lives, and the provider lock file next to it. Nothing here writes an absolute path into the
 * JSON, so a stack synthesized on CI applies from any checkout or artifact folder.
 *
 * @module
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LocalBackend, S3Backend, type TerraformStack } from "cdktf";
import { type StageConfig, stateKey } from "../config";

/** S3-native state locking (`use_lockfile`) arrived in Terraform 1.10. */
export const REQUIRED_TERRAFORM = ">= 1.10";

/** The committed provider lock file (`packages/infra/.terraform.lock.hcl`). */
export const lockFilePath = new URL("../../.terraform.lock.hcl", import.meta.url).pathname;

/**
 * The stage's backend: S3 (bucket and region from the stage, key per stage, encrypted, locked with
 * a lock object instead of DynamoDB), or a local file. `localStatePath` (the rehearsal's) replaces
 * either; relative paths are relative to the stack folder `cdktf.out/stacks/<stage>/`.
 */
export function configureTerraform(
  stack: TerraformStack,
  config: StageConfig,
  localStatePath?: string,
): void {
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM);
  if (localStatePath) {
    new LocalBackend(stack, { path: localStatePath });
    return;
  }
  if (config.state.backend === "s3") {
    new S3Backend(stack, {
      bucket: config.state.bucket,
      key: stateKey(config) as string,
      region: config.state.region,
      encrypt: true,
      ...(config.deployRoleArn
        ? {
            assumeRole: {
              roleArn: config.deployRoleArn,
              sessionName: `${config.appName}-${config.stage}-state`,
            },
          }
        : {}),
    });
    // cdktf 0.21's S3Backend predates the option.
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
    return;
  }
  // Next to cdktf.json, where cdktf's own default put it (as an absolute path).
  new LocalBackend(stack, { path: `../../../terraform.${config.stage}.tfstate` });
}

/** Puts the committed lock file into a synthesized stack folder, so `terraform init` verifies against it. */
export function installLockFile(stackDir: string): void {
  copyFileSync(lockFilePath, join(stackDir, ".terraform.lock.hcl"));
}

/**
 * Repairs two places where `cdktf synth --hcl` (0.21) writes invalid HCL from valid JSON:
 * a `terraform` attribute besides its blocks comes out as an index (`0 = "required_version"`: its
 * renderTerraform passes the key list where it means the values), and `lifecycle` pre/postconditions
 * come out as a list attribute (`postcondition = [ { ... }, ]`) instead of blocks.
 */
export function repairHclTerraformBlock(stackDir: string): void {
  const file = join(stackDir, "cdk.tf");
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const fixed = text
    .replace(/^\s*\d+ = "required_version"$/m, `required_version = "${REQUIRED_TERRAFORM}"`)
    .replace(
      /^(\s*)(precondition|postcondition) = \[\n((?:\{\n[\s\S]*?\n\},\n)+)\]$/gm,
      (_all, indent: string, kind: string, entries: string) =>
        entries
          .split(/^\},\n/m)
          .filter((e) => e.trim() !== "")
          .map((e) => `${indent}${kind} {\n${e.replace(/^\{\n/, "")}}`)
          .join("\n"),
    );
  if (fixed !== text) writeFileSync(file, fixed);
}
