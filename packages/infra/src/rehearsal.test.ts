import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  excludeFromRehearsal,
  prepareRehearsalStack,
  RehearsalError,
  RehearsalSeedStack,
  rehearsalBackendConfig,
  rehearsalBootstrapExclusions,
  rehearsalExclusions,
  rehearsalIgnoredDiffs,
  rehearsalProvider,
  ssmParameterNames,
} from "./rehearsal";
import { AppStack } from "./stacks/app-stack";
import { loadStage } from "./stages";
import { placeholderBundles } from "./test-support";

/** A Terraform expression, `${expr}`, as it appears in synthesized JSON. */
const tf = (expr: string) => `\${${expr}}`;

const stack = {
  resource: {
    aws_cognito_identity_pool: { pool: { identity_pool_name: "p" } },
    aws_cognito_identity_pool_roles_attachment: {
      roles: { identity_pool_id: tf("aws_cognito_identity_pool.pool.id") },
    },
    aws_cognito_risk_configuration: { risk: { user_pool_id: "x" } },
  },
  output: { pool: { value: tf("aws_cognito_identity_pool.pool.id") } },
  terraform: { backend: { local: { path: "/abs/terraform.local.tfstate" } } },
};

describe("prepareRehearsalStack", () => {
  it("removes exactly the excluded resource types and reports them", () => {
    const { stack: out, removed } = prepareRehearsalStack(stack);
    expect(Object.keys(out.resource ?? {})).toEqual(["aws_cognito_identity_pool"]);
    expect(removed).toEqual([
      "aws_cognito_identity_pool_roles_attachment.roles",
      "aws_cognito_risk_configuration.risk",
    ]);
    expect(rehearsalExclusions.map((e) => e.type)).toEqual([
      "aws_cognito_identity_pool_roles_attachment",
      "aws_cognito_risk_configuration",
    ]);
  });

  it("keeps state next to the rehearsal stack, never in the deploy state file", () => {
    expect(prepareRehearsalStack(stack).stack.terraform).toEqual({
      backend: { local: { path: "terraform.tfstate" } },
    });
    expect(stack.terraform.backend.local.path).toBe("/abs/terraform.local.tfstate");
  });

  it("refuses to exclude a resource something else still refers to", () => {
    const referenced = {
      ...stack,
      output: { roles: { value: tf("aws_cognito_identity_pool_roles_attachment.roles.id") } },
    };
    expect(() => prepareRehearsalStack(referenced)).toThrow(RehearsalError);
  });
});

describe("rehearsalProvider", () => {
  it("points every service at moto, with fake keys and a single retry", () => {
    const p = rehearsalProvider("http://127.0.0.1:4566");
    expect(p.maxRetries).toBe(1);
    expect(p.skipCredentialsValidation).toBe(true);
    const endpoints = (p.endpoints as Record<string, string>[])[0] ?? {};
    expect(Object.values(endpoints).every((e) => e === "http://127.0.0.1:4566")).toBe(true);
    expect(Object.keys(endpoints)).toEqual(
      expect.arrayContaining(["cognitoidp", "cognitoidentity", "iam", "lambda"]),
    );
  });
});

describe("excludeFromRehearsal (cdktf deploy against moto)", () => {
  it("removes the excluded resources from the construct tree and moves the state aside", () => {
    const stack = new AppStack(Testing.app(), "local", {
      stage: loadStage("local", {}),
      apiDistDir: placeholderBundles(),
      provider: rehearsalProvider("http://127.0.0.1:4566"),
      localStatePath: "../../../.local/rehearsal/terraform.tfstate",
    });
    const removed = excludeFromRehearsal(stack);
    expect(removed).toEqual([
      "aws_cognito_risk_configuration local/platform/auth/risk",
      "aws_cognito_identity_pool_roles_attachment local/platform/identity/roles",
    ]);
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource)).not.toContain("aws_cognito_identity_pool_roles_attachment");
    expect(Object.keys(json.resource)).not.toContain("aws_cognito_risk_configuration");
    expect(Object.keys(json.resource)).toContain("aws_cognito_identity_pool");
    for (const fn of Object.values(json.resource.aws_lambda_function) as { lifecycle: unknown }[]) {
      expect(fn.lifecycle).toEqual({ ignore_changes: ["logging_config"] });
    }
    expect(json.terraform.backend).toEqual({
      local: { path: "../../../.local/rehearsal/terraform.tfstate" },
    });
  });
});

describe("rehearsing dev and prod", () => {
  it("keeps the account lookup for stages that name their account, so allowed_account_ids is enforced", () => {
    expect(rehearsalProvider("http://127.0.0.1:1", { checkAccount: true }).skipRequestingAccountId).toBe(
      false,
    );
    expect(rehearsalProvider("http://127.0.0.1:1").skipRequestingAccountId).toBe(true);
  });

  it("points the real S3 backend at moto through a backend config file, nothing else", () => {
    const hcl = rehearsalBackendConfig("http://127.0.0.1:4566");
    expect(hcl).toContain('endpoints = { s3 = "http://127.0.0.1:4566", sts = "http://127.0.0.1:4566" }');
    expect(hcl).toContain("use_path_style = true");
    expect(hcl).not.toMatch(/^(bucket|key|region|use_lockfile|encrypt) =/m);
  });

  it("seeds the SSM parameters each stage reads, and prod's referenced SES identity", () => {
    expect(ssmParameterNames(loadStage("local", {}).config)).toEqual([]);
    expect(ssmParameterNames(loadStage("dev", {}).config)).toEqual([
      "/acme-notes/dev/idp/google/client-secret",
      "/acme-notes/dev/idp/oidc/client-secret",
    ]);
    const seed = (stage: "dev" | "prod") =>
      JSON.parse(
        Testing.synth(
          new RehearsalSeedStack(Testing.app(), `seed-${stage}`, {
            config: loadStage(stage, {}).config,
            provider: rehearsalProvider("http://127.0.0.1:1"),
          }),
        ),
      ).resource as Record<string, Record<string, Record<string, unknown>>>;
    const prod = seed("prod");
    expect(Object.values(prod.aws_ssm_parameter ?? {}).map((p) => [p.name, p.type])).toHaveLength(4);
    expect(Object.values(prod.aws_sesv2_email_identity ?? {})).toEqual([
      expect.objectContaining({ email_identity: "notes.example.com" }),
    ]);
    expect(seed("dev")).not.toHaveProperty("aws_sesv2_email_identity");
  });

  it("keeps the S3 backend when asked, relaxes what moto cannot pass, ignores what it cannot read back", () => {
    const withS3 = {
      ...stack,
      resource: { ...stack.resource, aws_lambda_function: { fn: { function_name: "f" } } },
      data: { aws_sesv2_email_identity: { id: { email_identity: "x", lifecycle: { postcondition: [{}] } } } },
      terraform: { backend: { s3: { bucket: "b", key: "k" } } },
    };
    const { stack: out } = prepareRehearsalStack(withS3, rehearsalExclusions, { keepBackend: true });
    expect(out.terraform).toEqual({ backend: { s3: { bucket: "b", key: "k" } } });
    expect(
      (out.data as Record<string, Record<string, { lifecycle: unknown }>>).aws_sesv2_email_identity?.id
        ?.lifecycle,
    ).toEqual({});
    expect(out.resource?.aws_lambda_function?.fn).toMatchObject({
      lifecycle: { ignore_changes: ["logging_config"] },
    });
    expect(rehearsalIgnoredDiffs.map((d) => d.type)).toEqual([
      "aws_lambda_function",
      "aws_sesv2_email_identity",
    ]);
    expect(rehearsalBootstrapExclusions.map((e) => e.type)).toEqual(["aws_s3_bucket_policy"]);
  });
});
