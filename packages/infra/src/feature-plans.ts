/**
 * Cognito user pool feature plans (`user_pool_tier`) and the stage settings each plan allows.
 * CreateUserPool and UpdateUserPool refuse a setting above the pool's plan with
 * `FeatureUnavailableInTierException: The following features need to be disabled for the <TIER>
 * pricing tier configured: <features>`; the stage schema (`src/config.ts`) refuses the same
 * combinations at synth time, before anything reaches AWS. Feature names as AWS's message spells
 * them (docs/cognito-feature-plans.md; the emulator holds the same table).
 *
 * @module
 */

export const featurePlans = ["LITE", "ESSENTIALS", "PLUS"] as const;
export type FeaturePlan = (typeof featurePlans)[number];

const RANK: Record<FeaturePlan, number> = { LITE: 0, ESSENTIALS: 1, PLUS: 2 };

/** The stage settings a plan gates (a subset of the stage config, so this module needs no schema). */
export interface GatedStageSettings {
  featurePlan: FeaturePlan;
  threatProtection: "OFF" | "AUDIT" | "ENFORCED";
  passwordless?: { factors: readonly string[]; passkeys?: unknown } | undefined;
  emailMfa?: unknown;
  preTokenGenerationVersion: "V1_0" | "V2_0" | "V3_0";
  passwordHistorySize: number;
}

export interface GatedFeature {
  /** The feature's name in AWS's message. */
  name: string;
  minimum: FeaturePlan;
  /** The stage setting that switches it on. */
  setting: string;
  isOn: (s: GatedStageSettings) => boolean;
}

export const gatedFeatures: readonly GatedFeature[] = [
  {
    name: "Threat Protection",
    minimum: "PLUS",
    setting: "threatProtection (AUDIT / ENFORCED)",
    isOn: (s) => s.threatProtection !== "OFF",
  },
  {
    name: "Access Token Customization",
    minimum: "ESSENTIALS",
    setting: "preTokenGenerationVersion V2_0 / V3_0",
    isOn: (s) => s.preTokenGenerationVersion !== "V1_0",
  },
  {
    name: "Password History",
    minimum: "ESSENTIALS",
    setting: "passwordHistorySize > 0",
    isOn: (s) => s.passwordHistorySize > 0,
  },
  {
    // Email and SMS one-time codes and passkeys (WEB_AUTHN) are all "passwordless" to AWS.
    name: "Passwordless Sign-In",
    minimum: "ESSENTIALS",
    setting: "passwordless (factors, passkeys)",
    isOn: (s) => (s.passwordless?.factors.length ?? 0) > 0 || s.passwordless?.passkeys !== undefined,
  },
  {
    name: "Email MFA",
    minimum: "ESSENTIALS",
    setting: "emailMfa",
    isOn: (s) => s.emailMfa !== undefined,
  },
];

/** The features the stage switches on that its plan does not include. */
export function featuresAboveTier(s: GatedStageSettings): GatedFeature[] {
  return gatedFeatures.filter((f) => f.isOn(s) && RANK[f.minimum] > RANK[s.featurePlan]);
}

/** The lowest plan that carries every feature the stage switches on. */
export function minimumPlan(s: Omit<GatedStageSettings, "featurePlan">): FeaturePlan {
  const needed = gatedFeatures.filter((f) => f.isOn({ ...s, featurePlan: "LITE" })).map((f) => f.minimum);
  return featurePlans.find((p) => needed.every((m) => RANK[m] <= RANK[p])) ?? "PLUS";
}
