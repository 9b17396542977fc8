import type { CreateUserPoolCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../errors";
import type { PoolRecord } from "../store/types";
import { checkFeaturePlan, DEFAULT_TIER, type GatedSettings, TIERS } from "./feature-plans";
import { DEFAULT_PASSWORD_POLICY } from "./pools";

export { buildSchema } from "./schema-attributes";

const obj = <T>() =>
  z.custom<T>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "Member must be an object");

export const PasswordPolicy = z.object({
  MinimumLength: z.number().int().min(6).max(99).optional(),
  RequireUppercase: z.boolean().optional(),
  RequireLowercase: z.boolean().optional(),
  RequireNumbers: z.boolean().optional(),
  RequireSymbols: z.boolean().optional(),
  PasswordHistorySize: z.number().int().min(0).max(24).optional(),
  TemporaryPasswordValidityDays: z.number().int().min(0).max(365).optional(),
});

const SchemaAttribute = z.object({
  Name: z.string().min(1).max(20),
  AttributeDataType: z.enum(["String", "Number", "DateTime", "Boolean"]).optional(),
  DeveloperOnlyAttribute: z.boolean().optional(),
  Mutable: z.boolean().optional(),
  Required: z.boolean().optional(),
  NumberAttributeConstraints: z
    .object({ MinValue: z.string().optional(), MaxValue: z.string().optional() })
    .optional(),
  StringAttributeConstraints: z
    .object({ MinLength: z.string().optional(), MaxLength: z.string().optional() })
    .optional(),
});

const VerifiedAttribute = z.enum(["email", "phone_number"]);
const MfaConfiguration = z.enum(["OFF", "ON", "OPTIONAL"]);

/** Settings shared by CreateUserPool and UpdateUserPool. */
export const PoolSettings = {
  Policies: z
    .object({
      PasswordPolicy: PasswordPolicy.optional(),
      SignInPolicy: obj<NonNullable<CreateUserPoolCommandInput["Policies"]>["SignInPolicy"]>().optional(),
    })
    .optional(),
  DeletionProtection: z.enum(["ACTIVE", "INACTIVE"]).optional(),
  LambdaConfig: obj<NonNullable<CreateUserPoolCommandInput["LambdaConfig"]>>().optional(),
  AutoVerifiedAttributes: z.array(VerifiedAttribute).optional(),
  SmsVerificationMessage: z.string().min(6).max(140).optional(),
  EmailVerificationMessage: z.string().min(6).max(20000).optional(),
  EmailVerificationSubject: z.string().min(1).max(140).optional(),
  VerificationMessageTemplate:
    obj<NonNullable<CreateUserPoolCommandInput["VerificationMessageTemplate"]>>().optional(),
  SmsAuthenticationMessage: z.string().min(6).max(140).optional(),
  UserAttributeUpdateSettings:
    obj<NonNullable<CreateUserPoolCommandInput["UserAttributeUpdateSettings"]>>().optional(),
  MfaConfiguration: MfaConfiguration.optional(),
  DeviceConfiguration: obj<NonNullable<CreateUserPoolCommandInput["DeviceConfiguration"]>>().optional(),
  EmailConfiguration: obj<NonNullable<CreateUserPoolCommandInput["EmailConfiguration"]>>().optional(),
  SmsConfiguration: z
    .object({
      SnsCallerArn: z.string().min(20).max(2048),
      ExternalId: z.string().optional(),
      SnsRegion: z.string().optional(),
    })
    .optional(),
  UserPoolTags: z.record(z.string(), z.string()).optional(),
  AdminCreateUserConfig: obj<NonNullable<CreateUserPoolCommandInput["AdminCreateUserConfig"]>>().optional(),
  UserPoolAddOns: obj<NonNullable<CreateUserPoolCommandInput["UserPoolAddOns"]>>().optional(),
  AccountRecoverySetting: obj<NonNullable<CreateUserPoolCommandInput["AccountRecoverySetting"]>>().optional(),
  UserPoolTier: z.enum(TIERS).optional(),
};

export const CreatePoolSchema = z.object({
  PoolName: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w\s+=,.@-]+$/, "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+"),
  ...PoolSettings,
  AliasAttributes: z.array(z.enum(["phone_number", "email", "preferred_username"])).optional(),
  UsernameAttributes: z.array(VerifiedAttribute).optional(),
  Schema: z.array(SchemaAttribute).max(50).optional(),
  UsernameConfiguration: z.object({ CaseSensitive: z.boolean() }).optional(),
}) satisfies z.ZodType<CreateUserPoolCommandInput>;

export type PoolSettingsInput = z.output<z.ZodObject<typeof PoolSettings>>;

export const SMS_MFA_MESSAGE =
  "SMS configuration and Auto verification for phone_number are required when MFA is required/optional";

/** Cognito's checks on MFA settings given through CreateUserPool / UpdateUserPool. */
export function checkMfaSettings(mfa: string | undefined, hasSms: boolean, totpEnabled: boolean): void {
  if ((mfa === "ON" || mfa === "OPTIONAL") && !hasSms && !totpEnabled) {
    throw new InvalidParameterException(SMS_MFA_MESSAGE);
  }
}

/** Applies create/update settings onto a pool record (UpdateUserPool replaces, as AWS does). */
export function applySettings(pool: PoolRecord, input: PoolSettingsInput): void {
  pool.Policies = {
    PasswordPolicy: {
      ...(input.Policies?.PasswordPolicy
        ? {
            MinimumLength: 8,
            RequireUppercase: false,
            RequireLowercase: false,
            RequireNumbers: false,
            RequireSymbols: false,
            TemporaryPasswordValidityDays: 7,
            ...input.Policies.PasswordPolicy,
          }
        : DEFAULT_PASSWORD_POLICY),
    },
    ...(input.Policies?.SignInPolicy ? { SignInPolicy: input.Policies.SignInPolicy } : {}),
  };
  pool.DeletionProtection = input.DeletionProtection ?? "INACTIVE";
  pool.LambdaConfig = input.LambdaConfig ?? {};
  pool.AutoVerifiedAttributes = input.AutoVerifiedAttributes;
  // The legacy members and VerificationMessageTemplate describe one set of messages: AWS answers
  // each with what either gave.
  const template = input.VerificationMessageTemplate;
  pool.SmsVerificationMessage = input.SmsVerificationMessage ?? template?.SmsMessage;
  pool.EmailVerificationMessage = input.EmailVerificationMessage ?? template?.EmailMessage;
  pool.EmailVerificationSubject = input.EmailVerificationSubject ?? template?.EmailSubject;
  pool.VerificationMessageTemplate = {
    DefaultEmailOption: "CONFIRM_WITH_CODE",
    ...(input.EmailVerificationMessage ? { EmailMessage: input.EmailVerificationMessage } : {}),
    ...(input.EmailVerificationSubject ? { EmailSubject: input.EmailVerificationSubject } : {}),
    ...(input.SmsVerificationMessage ? { SmsMessage: input.SmsVerificationMessage } : {}),
    ...(input.VerificationMessageTemplate ?? {}),
  };
  pool.SmsAuthenticationMessage = input.SmsAuthenticationMessage;
  pool.UserAttributeUpdateSettings = input.UserAttributeUpdateSettings ?? {
    AttributesRequireVerificationBeforeUpdate: [],
  };
  pool.MfaConfiguration = input.MfaConfiguration ?? "OFF";
  pool.DeviceConfiguration = input.DeviceConfiguration;
  pool.EmailConfiguration = input.EmailConfiguration ?? { EmailSendingAccount: "COGNITO_DEFAULT" };
  pool.SmsConfiguration = input.SmsConfiguration;
  pool.UserPoolTags = input.UserPoolTags ?? {};
  pool.AdminCreateUserConfig = {
    AllowAdminCreateUserOnly: false,
    UnusedAccountValidityDays: 7,
    ...(input.AdminCreateUserConfig ?? {}),
  };
  pool.UserPoolAddOns = input.UserPoolAddOns;
  pool.AccountRecoverySetting = input.AccountRecoverySetting;
  pool.UserPoolTier = input.UserPoolTier ?? DEFAULT_TIER;
  // The plan must include every gated feature the pool now has on (FeatureUnavailableInTierException).
  checkFeaturePlan(pool.UserPoolTier, pool as GatedSettings & PoolRecord);
}

/** Internal fields kept on the pool record but not part of UserPoolType. */
export interface PoolInternals {
  SoftwareTokenMfaEnabled?: boolean;
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
}

/** The pool as DescribeUserPool returns it. */
export function describePool(
  pool: PoolRecord & PoolInternals,
  estimatedUsers: number,
): Record<string, unknown> {
  const { SoftwareTokenMfaEnabled: _t, EmailMfaConfiguration: _e, ...rest } = pool;
  return { ...rest, EstimatedNumberOfUsers: estimatedUsers };
}
