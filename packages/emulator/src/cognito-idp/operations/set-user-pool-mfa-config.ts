import type { SetUserPoolMfaConfigCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { checkFeaturePlan, DEFAULT_TIER, type GatedSettings } from "../feature-plans";
import { checkEmailMfaConfig } from "../mfa/email";
import { operation, PoolId } from "../operation";
import type { PoolInternals } from "../pool-settings";
import { requirePool } from "../pools";
import { mfaConfigOf } from "./get-user-pool-mfa-config";

const Request = z.object({
  UserPoolId: PoolId,
  SmsMfaConfiguration: z
    .object({
      SmsAuthenticationMessage: z.string().min(6).max(140).optional(),
      SmsConfiguration: z
        .object({
          SnsCallerArn: z.string().min(20),
          ExternalId: z.string().optional(),
          SnsRegion: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  SoftwareTokenMfaConfiguration: z.object({ Enabled: z.boolean().optional() }).optional(),
  EmailMfaConfiguration: z
    .object({ Message: z.string().optional(), Subject: z.string().optional() })
    .optional(),
  MfaConfiguration: z.enum(["OFF", "ON", "OPTIONAL"]).optional(),
  WebAuthnConfiguration: z
    .object({
      RelyingPartyId: z.string().optional(),
      UserVerification: z.enum(["required", "preferred"]).optional(),
    })
    .optional(),
}) satisfies z.ZodType<SetUserPoolMfaConfigCommandInput>;

export const SetUserPoolMfaConfig = operation(Request, (req, services) => {
  const pool: ReturnType<typeof requirePool> & PoolInternals = structuredClone(
    requirePool(services, req.UserPoolId),
  );
  const sms =
    req.SmsMfaConfiguration?.SmsConfiguration ??
    (req.SmsMfaConfiguration ? pool.SmsConfiguration : undefined);
  const totp = req.SoftwareTokenMfaConfiguration?.Enabled === true;
  const mfa = req.MfaConfiguration ?? pool.MfaConfiguration ?? "OFF";
  const email = req.EmailMfaConfiguration ?? pool.EmailMfaConfiguration;
  if (mfa === "OFF" && (totp || req.SmsMfaConfiguration?.SmsConfiguration || req.EmailMfaConfiguration)) {
    throw new InvalidParameterException(
      "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
    );
  }
  if (mfa !== "OFF" && !totp && !sms && !email) {
    throw new InvalidParameterException(
      "At least one of SMS, email or software token MFA must be enabled when MFA is required/optional",
    );
  }
  if (req.EmailMfaConfiguration) checkEmailMfaConfig(pool);
  if (req.SoftwareTokenMfaConfiguration) pool.SoftwareTokenMfaEnabled = totp;
  if (req.SmsMfaConfiguration) {
    pool.SmsConfiguration = sms;
    pool.SmsAuthenticationMessage = req.SmsMfaConfiguration.SmsAuthenticationMessage;
  }
  if (req.EmailMfaConfiguration) pool.EmailMfaConfiguration = req.EmailMfaConfiguration;
  pool.MfaConfiguration = mfa;
  checkFeaturePlan(pool.UserPoolTier ?? DEFAULT_TIER, pool as GatedSettings & typeof pool);
  pool.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.resources.put("pool", pool.Id, pool.Id, pool);
  return mfaConfigOf(pool);
});
