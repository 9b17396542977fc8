import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadAppEnv, parseStageConfig, resolveStage, secretResolver } from "./config";
import { gatedFeatures, minimumPlan } from "./feature-plans";
import { stageNames, stages } from "./stages";

describe("stage config modules", () => {
  it("depend in one direction: the stage table on the schema, never the schema on the table", () => {
    const imports = (file: string) =>
      [...readFileSync(new URL(file, import.meta.url), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports("./config.ts")).not.toContain("./stages");
    expect(imports("./feature-plans.ts")).toEqual([]);
    expect(imports("./stages.ts")).toContain("./config");
  });
});

/** One stage setting per Essentials feature, switched on. */
const essentialsFeatures = {
  "Access Token Customization": { preTokenGenerationVersion: "V2_0" },
  "Password History": { passwordHistorySize: 5 },
  "Passwordless Sign-In": { passwordless: { factors: ["EMAIL_OTP"] } },
  "Email MFA": { emailMfa: { subject: "Your code", message: "Your code is {####}" } },
} as const;
const tierMessage = (tier: string, features: string) =>
  `FeatureUnavailableInTierException ("The following features need to be disabled for the ${tier} pricing tier configured: ${features}")`;

describe("feature plans", () => {
  const lite = { ...stages.dev, featurePlan: "LITE", threatProtection: "OFF" } as const;

  it.each(Object.entries(essentialsFeatures))("refuses %s on LITE with AWS's reason", (name, setting) => {
    const input = { ...lite, ...setting };
    expect(() => parseStageConfig(input)).toThrow(ConfigError);
    expect(() => parseStageConfig(input)).toThrow(tierMessage("LITE", name));
  });

  it("refuses passkeys (WEB_AUTHN) and SMS one-time codes on LITE as passwordless sign-in", () => {
    for (const factors of [["WEB_AUTHN"], ["SMS_OTP"]]) {
      expect(() => parseStageConfig({ ...lite, passwordless: { factors } })).toThrow(
        tierMessage("LITE", "Passwordless Sign-In"),
      );
    }
    expect(() =>
      parseStageConfig({
        ...lite,
        passwordless: { factors: ["WEB_AUTHN"], passkeys: { relyingPartyId: "dev.notes.example.com" } },
      }),
    ).toThrow(tierMessage("LITE", "Passwordless Sign-In"));
  });

  it("names every feature over the plan in one message, as AWS does", () => {
    const input = { ...lite, ...essentialsFeatures["Email MFA"], ...essentialsFeatures["Password History"] };
    expect(() => parseStageConfig(input)).toThrow(tierMessage("LITE", "Password History, Email MFA"));
  });

  it.each(["ESSENTIALS", "PLUS"] as const)("accepts every Essentials feature on %s", (plan) => {
    const all = Object.assign({}, ...Object.values(essentialsFeatures));
    const config = parseStageConfig({ ...stages.dev, ...all, featurePlan: plan, threatProtection: "OFF" });
    expect(config.featurePlan).toBe(plan);
    expect(config.passwordHistorySize).toBe(5);
  });

  it("refuses threat protection with Essentials features on ESSENTIALS, naming threat protection only", () => {
    const input = { ...stages.dev, ...essentialsFeatures["Email MFA"], featurePlan: "ESSENTIALS" };
    expect(() => parseStageConfig(input)).toThrow(tierMessage("ESSENTIALS", "Threat Protection"));
  });

  it("refuses passkey settings without the WEB_AUTHN factor", () => {
    expect(() =>
      parseStageConfig({ ...stages.dev, passwordless: { factors: ["EMAIL_OTP"], passkeys: {} } }),
    ).toThrow(/without WEB_AUTHN/);
  });

  it("puts each stage on the lowest plan its features need, PLUS wherever threat protection is on", () => {
    for (const name of stageNames) {
      const config = parseStageConfig(stages[name]);
      expect(config.threatProtection).not.toBe("OFF");
      expect(config.featurePlan).toBe("PLUS");
      expect(minimumPlan(config)).toBe("PLUS");
    }
    expect(minimumPlan({ ...parseStageConfig(lite), ...essentialsFeatures["Password History"] })).toBe(
      "ESSENTIALS",
    );
    expect(minimumPlan(parseStageConfig(lite))).toBe("LITE");
    expect(gatedFeatures.map((f) => f.name)).toEqual([
      "Threat Protection",
      ...Object.keys(essentialsFeatures),
    ]);
  });
});

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
