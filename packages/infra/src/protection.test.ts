import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool";
import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ConfigError, loadAppEnv, parseStageConfig, resolveStage, teardownProtection } from "./config";
import { providerFilledDetails } from "./constructs/auth";
import { AppStack } from "./stacks/app-stack";
import { type StageName, stageNames, stages } from "./stages";
import { placeholderBundles, resourcesOf, type Synthesized, synthStage } from "./test-support";

const protectedTypes = [CognitoUserPool, CognitoIdentityPool, DynamodbTable, S3Bucket];
const synths = Object.fromEntries(stageNames.map((n) => [n, synthStage(n)])) as Record<
  StageName,
  Synthesized
>;

/** `lifecycle.prevent_destroy` of every resource of the protected types. */
function preventDestroy(s: Synthesized): boolean[] {
  return protectedTypes.flatMap((t) =>
    Object.values(resourcesOf(s, t)).map(
      (r) => (r.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy ?? false,
    ),
  );
}

function mechanisms(s: Synthesized) {
  const pool = Object.values(resourcesOf(s, CognitoUserPool))[0] as Record<string, unknown>;
  const tables = Object.values(resourcesOf(s, DynamodbTable));
  const bucket = Object.values(resourcesOf(s, S3Bucket))[0] as Record<string, unknown>;
  return {
    poolDeletionProtection: pool.deletion_protection,
    tableDeletionProtection: tables.map((t) => t.deletion_protection_enabled),
    pointInTimeRecovery: tables.map((t) => (t.point_in_time_recovery as { enabled: boolean }).enabled),
    forceDestroy: bucket.force_destroy,
    preventDestroy: preventDestroy(s),
  };
}

describe("protection, one switch per mechanism", () => {
  it("prod: every protection on; the pool, identity pool, both tables and the bucket refuse destroy", () => {
    expect(mechanisms(synths.prod)).toEqual({
      poolDeletionProtection: "ACTIVE",
      tableDeletionProtection: [true, true],
      pointInTimeRecovery: [true, true],
      forceDestroy: false,
      preventDestroy: [true, true, true, true, true],
    });
  });

  it.each(["local", "dev"] as const)("%s: torn down and rebuilt at will", (name) => {
    expect(mechanisms(synths[name])).toEqual({
      poolDeletionProtection: "INACTIVE",
      tableDeletionProtection: [false, false],
      pointInTimeRecovery: [false, false],
      forceDestroy: true,
      preventDestroy: [false, false, false, false, false],
    });
  });

  it("dev: each switch on its own", () => {
    const off = stages.dev.protection;
    const on = (key: keyof typeof off) =>
      mechanisms(synthStage("dev", {}, { protection: { ...off, [key]: !off[key] } }));
    expect(on("preventDestroy").preventDestroy).toEqual([true, true, true, true, true]);
    expect(on("preventDestroy").poolDeletionProtection).toBe("INACTIVE");
    expect(on("userPoolDeletionProtection").poolDeletionProtection).toBe("ACTIVE");
    expect(on("userPoolDeletionProtection").preventDestroy).toEqual([false, false, false, false, false]);
    expect(on("tableDeletionProtection").tableDeletionProtection).toEqual([true, true]);
    expect(on("pointInTimeRecovery").pointInTimeRecovery).toEqual([true, true]);
    expect(on("emptyBucketOnDestroy").forceDestroy).toBe(false);
  });

  it.each(Object.keys(stages.prod.protection))("refuses prod with %s switched", (key) => {
    const protection = { ...stages.prod.protection, [key]: !stages.prod.protection[key as "preventDestroy"] };
    expect(() => parseStageConfig({ ...stages.prod, protection })).toThrow(ConfigError);
    expect(() => parseStageConfig({ ...stages.prod, protection })).toThrow(new RegExp(`prod keeps ${key}`));
  });

  it("INFRA_TEARDOWN=prod synthesizes prod with every protection off, past the schema's rule", () => {
    expect(loadAppEnv({ INFRA_TEARDOWN: "prod" }).teardown).toEqual(["prod"]);
    expect(loadAppEnv({}).teardown).toEqual([]);
    expect(() => loadAppEnv({ INFRA_TEARDOWN: "staging" })).toThrow(/unknown stage staging/);
    const teardown = resolveStage(stages.prod, {}, { teardown: true });
    expect(teardown.config.protection).toEqual(teardownProtection);
    const stack = new AppStack(Testing.app(), "prod", { stage: teardown, apiDistDir: placeholderBundles() });
    const json = Testing.synth(stack);
    expect(json).not.toContain(`"prevent_destroy": true`);
    expect(json).not.toContain('"ACTIVE"');
  });
});

describe("identity providers: no permanent diff", () => {
  const ignored = (s: Synthesized, type: string) => {
    const idp = Object.values(resourcesOf(s, CognitoIdentityProvider)).find((p) => p.provider_type === type);
    return (idp?.lifecycle as { ignore_changes?: string[] } | undefined)?.ignore_changes;
  };

  it.each(["Google", "Facebook", "SignInWithApple", "OIDC", "SAML"] as const)(
    "%s: ignores the provider_details keys AWS fills in, never those the stage sets",
    (type) => {
      const keys = ignored(synths.prod, type);
      expect(keys).toEqual(providerFilledDetails[type].map((k) => `provider_details["${k}"]`));
      const idp = Object.values(resourcesOf(synths.prod, CognitoIdentityProvider)).find(
        (p) => p.provider_type === type,
      );
      const set = Object.keys(idp?.provider_details as Record<string, string>).filter(
        (k) => k !== "private_key",
      );
      for (const k of set) expect(keys).not.toContain(`provider_details["${k}"]`);
    },
  );

  it.each(stageNames)("%s: every identity provider carries them", (name) => {
    for (const idp of Object.values(resourcesOf(synths[name], CognitoIdentityProvider))) {
      expect(ignored(synths[name], idp.provider_type as string)?.length).toBeGreaterThan(0);
    }
  });
});

describe("the right account", () => {
  const provider = (name: StageName, overrides = {}) => {
    const stack = new AppStack(Testing.app(), name, {
      stage: resolveStage({ ...stages[name], ...overrides }, {}),
      apiDistDir: placeholderBundles(),
    });
    const json = JSON.parse(Testing.synth(stack));
    return { aws: json.provider.aws[0] as Record<string, unknown>, backend: json.terraform.backend };
  };

  it("dev and prod only deploy with credentials of their own account", () => {
    expect(provider("dev").aws.allowed_account_ids).toEqual(["111111111111"]);
    expect(provider("prod").aws.allowed_account_ids).toEqual(["222222222222"]);
    expect(provider("local").aws).not.toHaveProperty("allowed_account_ids");
  });

  it("assumes the stage's deploy role, for the resources and the state", () => {
    const role = "arn:aws:iam::222222222222:role/acme-notes-deploy";
    const { aws, backend } = provider("prod", { deployRoleArn: role });
    expect(aws.assume_role).toEqual([{ role_arn: role, session_name: "acme-notes-prod-deploy" }]);
    expect(backend.s3.assume_role).toEqual({ role_arn: role, session_name: "acme-notes-prod-state" });
    expect(provider("prod").aws).not.toHaveProperty("assume_role");
  });

  it("refuses a deployed stage without its account, or a deploy role of another account", () => {
    const { accountId: _, ...noAccount } = stages.dev;
    expect(() => parseStageConfig(noAccount)).toThrow(/dev names the AWS account/);
    expect(() =>
      parseStageConfig({ ...stages.prod, deployRoleArn: "arn:aws:iam::111111111111:role/deploy" }),
    ).toThrow(/deploy role must be in the stage's account 222222222222/);
  });
});
