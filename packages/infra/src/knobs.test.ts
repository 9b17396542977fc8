import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { parseStageConfig, resolveStage, type StageConfigInput } from "./config";
import { AppStack } from "./stacks/app-stack";
import { type StageName, stageNames, stages } from "./stages";
import {
  everyKnob,
  placeholderBundles,
  resourcesOf,
  resourceWhere,
  type Synthesized,
  synthStage,
} from "./test-support";

const synths = Object.fromEntries(stageNames.map((n) => [n, synthStage(n)])) as Record<
  StageName,
  Synthesized
>;
const knobs = synthStage("dev", {}, everyKnob);
const client = (s: Synthesized, name: string) => resourceWhere(s, CognitoUserPoolClient, { name });

function outputs(name: StageName, overrides: Partial<StageConfigInput> = {}) {
  const stack = new AppStack(Testing.app(), name, {
    stage: resolveStage({ ...stages[name], ...overrides }, {}),
    apiDistDir: placeholderBundles(),
  });
  return JSON.parse(Testing.synth(stack)).output as Record<string, { value: string }>;
}

describe("user-files bucket: lifecycle and TLS", () => {
  it.each(stageNames)(
    "%s: aborts abandoned multipart uploads after a day, expires replaced versions",
    (name) => {
      const days = { local: 1, dev: 7, prod: 30 }[name];
      expect(resourceWhere(synths[name], S3BucketLifecycleConfiguration, {}).rule).toEqual([
        {
          id: "abort-incomplete-uploads",
          status: "Enabled",
          filter: [{ prefix: "" }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
        },
        {
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrent_version_expiration: [{ noncurrent_days: days }],
          expiration: [{ expired_object_delete_marker: true }],
        },
      ]);
    },
  );

  it.each(["dev", "prod"] as const)("%s: the bucket policy refuses TLS older than 1.2", (name) => {
    const policy = JSON.parse(resourceWhere(synths[name], S3BucketPolicy, {}).policy as string);
    expect(policy.Statement[1]).toMatchObject({
      Sid: "DenyOutdatedTls",
      Effect: "Deny",
      Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
    });
  });

  it("local leaves the TLS floor out (the emulator cannot evaluate it); deployed stages must set it", () => {
    const policy = JSON.parse(resourceWhere(synths.local, S3BucketPolicy, {}).policy as string);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["DenyInsecureTransport"]);
    const { filesMinTlsVersion: _, ...noTls } = stages.prod;
    expect(() => parseStageConfig(noTls)).toThrow(/oldest accepted TLS version/);
  });
});

describe("API: throttling and custom domain", () => {
  it.each([
    ["local", 100, 50],
    ["dev", 50, 20],
    ["prod", 500, 200],
  ] as const)("%s throttles every route at burst %i, rate %i", (name, burst, rate) => {
    expect(resourceWhere(synths[name], Apigatewayv2Stage, {}).default_route_settings).toMatchObject({
      throttling_burst_limit: burst,
      throttling_rate_limit: rate,
    });
  });

  it("serves the API on the stage's domain when it names one, and publishes that URL", () => {
    expect(Object.values(resourcesOf(knobs, Apigatewayv2DomainName))).toEqual([
      expect.objectContaining({
        domain_name: "api.dev.notes.example.com",
        domain_name_configuration: {
          certificate_arn: everyKnob.api.customDomain.certificateArn,
          endpoint_type: "REGIONAL",
          security_policy: "TLS_1_2",
        },
      }),
    ]);
    expect(Object.keys(resourcesOf(knobs, Apigatewayv2ApiMapping))).toHaveLength(1);
    const out = outputs("dev", everyKnob);
    expect(out.api_url?.value).toBe("https://api.dev.notes.example.com");
    expect(out.api_domain_target?.value).toMatch(/domain_name_configuration\[0\]\.target_domain_name/);
    for (const name of stageNames)
      expect(Object.keys(resourcesOf(synths[name], Apigatewayv2DomainName))).toEqual([]);
    expect(outputs("prod").api_url?.value).toMatch(/\.api_endpoint\}$/);
  });

  it("refuses a certificate outside the API's region", () => {
    const customDomain = {
      ...everyKnob.api.customDomain,
      certificateArn: everyKnob.hostedUiCustomDomain.certificateArn,
    };
    expect(() => parseStageConfig({ ...stages.dev, api: { ...everyKnob.api, customDomain } })).toThrow(
      /certificate in the API's region eu-west-1/,
    );
  });
});

describe("hosted UI on a custom domain", () => {
  it("replaces the prefix domain with the stage's domain and certificate", () => {
    expect(resourceWhere(knobs, CognitoUserPoolDomain, {})).toMatchObject({
      domain: "auth.dev.notes.example.com",
      certificate_arn: everyKnob.hostedUiCustomDomain.certificateArn,
    });
    const out = outputs("dev", everyKnob);
    expect(out.hosted_ui_url?.value).toMatch(
      /^https:\/\/\$\{aws_cognito_user_pool_domain\.[\w-]+\.domain\}$/,
    );
    expect(out.hosted_ui_cloudfront?.value).toMatch(/\.cloudfront_distribution\}$/);
    expect(resourceWhere(synths.dev, CognitoUserPoolDomain, {})).not.toHaveProperty("certificate_arn");
  });

  it("refuses a certificate outside us-east-1, as Cognito does", () => {
    const hostedUiCustomDomain = {
      ...everyKnob.hostedUiCustomDomain,
      certificateArn: everyKnob.api.customDomain.certificateArn,
    };
    expect(() => parseStageConfig({ ...stages.dev, hostedUiCustomDomain })).toThrow(
      /only an ACM certificate in us-east-1/,
    );
  });
});

describe("tokens", () => {
  it.each(stageNames)("%s: lifetimes from the stage, no rotation block unless the stage sets one", (name) => {
    const t = parseStageConfig(stages[name]).tokens;
    for (const c of ["web", "mobile", "server"]) {
      const cl = client(synths[name], `acme-notes-${name}-${c}`);
      expect(cl).toMatchObject({
        access_token_validity: t.accessTokenMinutes,
        id_token_validity: t.idTokenMinutes,
        refresh_token_validity: t.refreshTokenDays,
        token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
      });
      expect(cl).not.toHaveProperty("refresh_token_rotation");
    }
  });

  it("rotation: web and mobile rotate with the grace period and drop REFRESH_TOKEN_AUTH", () => {
    for (const c of ["web", "mobile"]) {
      const cl = client(knobs, `acme-notes-dev-${c}`);
      expect(cl.refresh_token_rotation).toEqual([{ feature: "ENABLED", retry_grace_period_seconds: 10 }]);
      expect(cl.explicit_auth_flows).toEqual(["ALLOW_USER_SRP_AUTH"]);
      expect(cl).toMatchObject({
        access_token_validity: 15,
        id_token_validity: 30,
        refresh_token_validity: 7,
      });
    }
    expect(client(knobs, "acme-notes-dev-server")).not.toHaveProperty("refresh_token_rotation");
    const off = synthStage(
      "dev",
      {},
      { tokens: { ...everyKnob.tokens, refreshTokenRotation: { enabled: false } } },
    );
    expect(client(off, "acme-notes-dev-web").refresh_token_rotation).toEqual([{ feature: "DISABLED" }]);
    expect(client(off, "acme-notes-dev-web").explicit_auth_flows).toContain("ALLOW_REFRESH_TOKEN_AUTH");
  });

  it("refuses lifetimes Cognito refuses", () => {
    const tokens = (t: Partial<typeof everyKnob.tokens>) => ({
      ...stages.dev,
      tokens: { ...everyKnob.tokens, ...t },
    });
    expect(() => parseStageConfig(tokens({ accessTokenMinutes: 2 }))).toThrow(/accessTokenMinutes/);
    expect(() => parseStageConfig(tokens({ idTokenMinutes: 1441 }))).toThrow(/idTokenMinutes/);
    expect(() => parseStageConfig(tokens({ refreshTokenDays: 3651 }))).toThrow(/refreshTokenDays/);
    expect(() =>
      parseStageConfig(tokens({ refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 61 } })),
    ).toThrow(/retryGracePeriodSeconds/);
  });
});
