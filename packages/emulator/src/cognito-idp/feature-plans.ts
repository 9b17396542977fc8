/**
 * Cognito user pool feature plans (`UserPoolTier`): which setting needs which plan, and the check
 * CreateUserPool, UpdateUserPool, SetUserPoolMfaConfig and the Terraform loader share.
 * Source: AWS Cognito Developer Guide, "User pool feature plans" (cognito-sign-in-feature-plans),
 * and the cognito-idp API reference for FeatureUnavailableInTierException. Table: docs/cognito-feature-plans.md.
 */
import { FeatureUnavailableInTierException } from "../errors";

export const TIERS = ["LITE", "ESSENTIALS", "PLUS"] as const;
export type Tier = (typeof TIERS)[number];
/** AWS's plan when `UserPoolTier` is omitted. */
export const DEFAULT_TIER: Tier = "ESSENTIALS";

const RANK: Record<Tier, number> = { LITE: 0, ESSENTIALS: 1, PLUS: 2 };

/** The pool settings a plan gates, in the shape the emulator keeps them. */
export interface GatedSettings {
  UserPoolAddOns?: {
    AdvancedSecurityMode?: string;
    AdvancedSecurityAdditionalFlows?: { CustomAuthMode?: string };
  };
  LambdaConfig?: { PreTokenGenerationConfig?: { LambdaVersion?: string } };
  Policies?: {
    PasswordPolicy?: { PasswordHistorySize?: number };
    SignInPolicy?: { AllowedFirstAuthFactors?: string[] };
  };
  EmailMfaConfiguration?: unknown;
}

interface GatedFeature {
  /** The feature's name as AWS's message spells it. */
  name: string;
  minimum: Tier;
  isOn: (s: GatedSettings) => boolean;
}

/** AWS's table, for the features the emulator accepts. */
export const GATED_FEATURES: readonly GatedFeature[] = [
  {
    name: "Threat Protection",
    minimum: "PLUS",
    isOn: (s) =>
      ["AUDIT", "ENFORCED"].includes(s.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF") ||
      ["AUDIT", "ENFORCED"].includes(
        s.UserPoolAddOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode ?? "OFF",
      ),
  },
  {
    name: "Access Token Customization",
    minimum: "ESSENTIALS",
    isOn: (s) => ["V2_0", "V3_0"].includes(s.LambdaConfig?.PreTokenGenerationConfig?.LambdaVersion ?? "V1_0"),
  },
  {
    name: "Password History",
    minimum: "ESSENTIALS",
    isOn: (s) => (s.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0) > 0,
  },
  {
    name: "Passwordless Sign-In",
    minimum: "ESSENTIALS",
    isOn: (s) => (s.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((f) => f !== "PASSWORD"),
  },
  {
    name: "Email MFA",
    minimum: "ESSENTIALS",
    isOn: (s) => s.EmailMfaConfiguration !== undefined,
  },
];

/** The gated features that are on but need a higher plan than `tier`. */
export function featuresAboveTier(tier: Tier, settings: GatedSettings): string[] {
  return GATED_FEATURES.filter((f) => f.isOn(settings) && RANK[f.minimum] > RANK[tier]).map((f) => f.name);
}

/** `FeatureUnavailableInTierException` in AWS's message shape unless every gated feature fits the plan. */
export function checkFeaturePlan(tier: Tier, settings: GatedSettings): void {
  const over = featuresAboveTier(tier, settings);
  if (over.length > 0) {
    throw new FeatureUnavailableInTierException(
      `The following features need to be disabled for the ${tier} pricing tier configured: ${over.join(", ")}`,
    );
  }
}
