import { describe, expect, it } from "vitest";
import { ConfigError, loadAppEnv, parseStageConfig, resolveStage, secretResolver } from "./config";
import { stageNames, stages } from "./stages";

describe("stage configs", () => {
  it.each(stageNames)("%s is valid", (name) => {
    expect(parseStageConfig(stages[name]).stage).toBe(name);
  });

  it("refuses a `local` secret outside the local stage", () => {
    const input = {
      ...stages.dev,
      identityProviders: { google: { clientId: "x", clientSecret: { local: "in-the-repo" } } },
    };
    expect(() => parseStageConfig(input)).toThrow(ConfigError);
    expect(() => parseStageConfig(input)).toThrow(/only allowed in the local stage/);
  });

  it("refuses prod without deletion protection", () => {
    expect(() => parseStageConfig({ ...stages.prod, deletionProtection: false })).toThrow(
      /deletion protection/,
    );
  });

  it.each(["LITE", "ESSENTIALS"] as const)("refuses threat protection on the %s feature plan", (plan) => {
    for (const mode of ["AUDIT", "ENFORCED"] as const) {
      const input = { ...stages.dev, featurePlan: plan, threatProtection: mode };
      expect(() => parseStageConfig(input)).toThrow(ConfigError);
      expect(() => parseStageConfig(input)).toThrow(
        new RegExp(`FeatureUnavailableInTierException.*${plan} pricing tier configured: Threat Protection`),
      );
    }
  });

  it.each(["LITE", "ESSENTIALS", "PLUS"] as const)(
    "accepts the %s plan with threat protection off",
    (plan) => {
      const config = parseStageConfig({ ...stages.dev, featurePlan: plan, threatProtection: "OFF" });
      expect(config.featurePlan).toBe(plan);
    },
  );

  it("refuses a stage without a feature plan, or with an unknown one", () => {
    const { featurePlan: _omitted, ...withoutPlan } = stages.dev;
    expect(() => parseStageConfig(withoutPlan)).toThrow(/featurePlan/);
    expect(() => parseStageConfig({ ...stages.dev, featurePlan: "FREE" })).toThrow(/featurePlan/);
  });

  it("refuses http callback URLs except for localhost", () => {
    expect(() =>
      parseStageConfig({
        ...stages.dev,
        webCallbackUrls: ["http://dev.notes.example.com/api/auth/callback/cognito"],
      }),
    ).toThrow(/webCallbackUrls/);
  });

  it("refuses mobile callbacks that are not on a custom scheme", () => {
    expect(() =>
      parseStageConfig({ ...stages.local, mobileCallbackUrls: ["https://example.com/cb"] }),
    ).toThrow(/mobileCallbackUrls/);
  });

  it("refuses unknown keys, so a typo does not silently fall back to a default", () => {
    expect(() => parseStageConfig({ ...stages.local, guestAcess: false })).toThrow(ConfigError);
  });

  it("refuses an invalid hosted UI domain prefix", () => {
    expect(() => parseStageConfig({ ...stages.local, domainPrefix: "Acme_Notes" })).toThrow(/domainPrefix/);
  });
});

describe("secrets", () => {
  const resolve = secretResolver({ GOOGLE_SECRET: "from-env" });

  it("reads { env } from the environment", () => {
    expect(resolve({ env: "GOOGLE_SECRET" })).toEqual({ kind: "value", value: "from-env" });
  });

  it("leaves { ssm } for Terraform to read at plan time", () => {
    expect(resolve({ ssm: "/acme/dev/google" })).toEqual({ kind: "ssm", name: "/acme/dev/google" });
  });

  it("fails at synth time when an { env } secret is not set", () => {
    const input = {
      ...stages.dev,
      identityProviders: { google: { clientId: "x", clientSecret: { env: "MISSING_SECRET" } } },
    };
    expect(() => resolveStage(input, {})).toThrow(/MISSING_SECRET is not set/);
    expect(resolveStage(input, { MISSING_SECRET: "s3cret" }).config.stage).toBe("dev");
  });
});

describe("app environment", () => {
  it("synthesizes every stage by default", () => {
    expect(loadAppEnv({}).stages).toEqual(["local", "dev", "prod"]);
  });

  it("takes a comma-separated subset", () => {
    expect(loadAppEnv({ INFRA_STAGES: "dev, prod" }).stages).toEqual(["dev", "prod"]);
  });

  it("refuses an unknown stage", () => {
    expect(() => loadAppEnv({ INFRA_STAGES: "staging" })).toThrow(/unknown stage staging/);
  });

  it("finds apps/api's dist next to this package unless told otherwise", () => {
    expect(loadAppEnv({}).apiDistDir).toMatch(/apps\/api\/dist$/);
    expect(loadAppEnv({ API_DIST_DIR: "/tmp/bundles" }).apiDistDir).toBe("/tmp/bundles");
  });
});
