import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { synthStateStack } from "../bootstrap";
import { ConfigError, parseStageConfig } from "../config";
import { loadStage, stageNames, stages } from "../stages";
import { synthStages } from "../synth";
import { placeholderBundles } from "../test-support";
import { StateStack } from "./state-stack";
import { lockFilePath } from "./terraform-settings";

interface StackJson {
  terraform: { backend: Record<string, Record<string, unknown>>; required_version?: string };
  resource: Record<string, Record<string, Record<string, unknown>>>;
  provider: { aws: Record<string, unknown>[] };
}

const outdir = mkdtempSync(join(tmpdir(), "infra-state-"));
const dirs = synthStages({ outdir, stages: stageNames, apiDistDir: placeholderBundles(), env: {} });
const stack = (name: (typeof stageNames)[number]) =>
  JSON.parse(readFileSync(join(dirs[name], "cdk.tf.json"), "utf8")) as StackJson;

/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("Terraform settings of every stage", () => {
  it.each(stageNames)("%s needs Terraform >= 1.10 (S3-native locking)", (name) => {
    expect(stack(name).terraform.required_version).toBe(">= 1.10");
  });

  it.each(["dev", "prod"] as const)(
    "%s keeps its state in the stage's S3 bucket, own key, encrypted, locked",
    (name) => {
      const account = name === "dev" ? "111111111111" : "222222222222";
      expect(stack(name).terraform.backend).toEqual({
        s3: {
          bucket: `acme-notes-tfstate-${account}`,
          key: `acme-notes/${name}/terraform.tfstate`,
          region: "eu-west-1",
          encrypt: true,
          use_lockfile: true,
        },
      });
    },
  );

  it("keeps local's state in a local file next to cdktf.json", () => {
    expect(stack("local").terraform.backend).toEqual({ local: { path: "../../../terraform.local.tfstate" } });
  });

  it("takes another key from the stage", () => {
    const config = parseStageConfig({
      ...stages.dev,
      state: {
        backend: "s3",
        bucket: "shared-state",
        region: "eu-central-1",
        key: "teams/notes/dev.tfstate",
      },
    });
    expect(config.state).toMatchObject({ key: "teams/notes/dev.tfstate", region: "eu-central-1" });
  });

  it.each(stageNames)(
    "%s: no absolute path in the synthesized JSON (synth on CI, apply anywhere)",
    (name) => {
      const text = readFileSync(join(dirs[name], "cdk.tf.json"), "utf8");
      for (const dir of [outdir, placeholderBundles(), process.cwd(), tmpdir()])
        expect(text).not.toContain(dir);
      // What starts with a slash is a log group or SSM parameter name, never a file.
      const slashed = strings(JSON.parse(text)).filter((s) => s.startsWith("/"));
      for (const s of slashed) expect(s).toMatch(/^\/(aws\/(lambda|apigateway)\/acme-notes-|acme-notes\/)/);
    },
  );

  it.each(stageNames)("%s: the committed provider lock file sits in the stack folder", (name) => {
    expect(readFileSync(join(dirs[name], ".terraform.lock.hcl"), "utf8")).toBe(
      readFileSync(lockFilePath, "utf8"),
    );
    expect(readFileSync(lockFilePath, "utf8")).toContain(
      'provider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.100.0"',
    );
  });

  it("refuses prod on a local state file, and a state bucket that is the user-files bucket", () => {
    expect(() => parseStageConfig({ ...stages.prod, state: { backend: "local" } })).toThrow(
      /prod keeps its state in S3/,
    );
    expect(() =>
      parseStageConfig({
        ...stages.dev,
        state: { backend: "s3", bucket: "acme-notes-dev-user-files", region: "eu-west-1" },
      }),
    ).toThrow(ConfigError);
  });
});

describe("the state bucket bootstrap", () => {
  const synth = (name: "dev" | "prod") => {
    const s = new StateStack(Testing.app(), `state-${name}`, { config: loadStage(name, {}).config });
    return JSON.parse(Testing.synth(s)) as StackJson;
  };
  const only = (json: StackJson, type: { tfResourceType: string }) => {
    const all = Object.values(json.resource[type.tfResourceType] ?? {});
    expect(all).toHaveLength(1);
    return all[0] as Record<string, unknown>;
  };

  it.each(["dev", "prod"] as const)(
    "%s: the stage's state bucket, which Terraform refuses to destroy",
    (name) => {
      const json = synth(name);
      const state = stages[name].state as { bucket: string; region: string };
      expect(only(json, S3Bucket)).toMatchObject({
        bucket: state.bucket,
        lifecycle: { prevent_destroy: true },
      });
      expect(json.provider.aws[0]).toMatchObject({ region: state.region });
      expect(json.terraform).toMatchObject({
        required_version: ">= 1.10",
        backend: { local: { path: "terraform.tfstate" } },
      });
    },
  );

  it("versions, encrypts, expires old versions after 90 days and accepts TLS 1.2+ only", () => {
    const json = synth("prod");
    expect(only(json, S3BucketVersioningA).versioning_configuration).toEqual({ status: "Enabled" });
    expect(only(json, S3BucketServerSideEncryptionConfigurationA).rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" }, bucket_key_enabled: true },
    ]);
    expect(only(json, S3BucketLifecycleConfiguration).rule).toEqual([
      expect.objectContaining({
        status: "Enabled",
        noncurrent_version_expiration: [{ noncurrent_days: 90 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
      }),
    ]);
    const policy = JSON.parse(only(json, S3BucketPolicy).policy as string);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "DenyInsecureTransport",
      "DenyOutdatedTls",
    ]);
    expect(policy.Statement[1].Condition).toEqual({ NumericLessThan: { "s3:TlsVersion": "1.2" } });
  });

  it("is its own app, with the lock file, and refuses a stage without S3 state", () => {
    const dir = synthStateStack({
      outdir: mkdtempSync(join(tmpdir(), "infra-bootstrap-")),
      stage: "dev",
      env: {},
    });
    expect(dir).toMatch(/stacks\/state-dev$/);
    expect(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8")).toBe(readFileSync(lockFilePath, "utf8"));
    expect(
      () => new StateStack(Testing.app(), "state-local", { config: loadStage("local", {}).config }),
    ).toThrow(/nothing to bootstrap/);
  });
});
