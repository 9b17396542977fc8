import type { SetUserMFAPreferenceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { checkEmailMfaPreference } from "../mfa/email";
import { operation, Token } from "../operation";
import { saveUser } from "../pools";
import type { Services } from "../services";
import { authenticateAccessToken } from "../tokens";

export const MfaSettings = z
  .object({ Enabled: z.boolean().optional(), PreferredMfa: z.boolean().optional() })
  .optional();

const Request = z.object({
  SMSMfaSettings: MfaSettings,
  SoftwareTokenMfaSettings: MfaSettings,
  EmailMfaSettings: MfaSettings,
  AccessToken: Token,
}) satisfies z.ZodType<SetUserMFAPreferenceCommandInput>;

type Settings = z.output<typeof MfaSettings>;

/** Shared by SetUserMFAPreference and AdminSetUserMFAPreference. */
export function applyMfaPreference(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  sms: Settings,
  totp: Settings,
  email: Settings,
): void {
  if (totp?.Enabled && !user.mfa.totpSecret) {
    throw new InvalidParameterException("User has not verified software token mfa");
  }
  if (sms?.Enabled && !user.attributes.phone_number) {
    throw new InvalidParameterException("User does not have a phone number for SMS MFA.");
  }
  if (email?.Enabled) checkEmailMfaPreference(pool, user);
  if (sms) {
    if (sms.Enabled !== undefined) user.mfa.smsEnabled = sms.Enabled;
    if (sms.PreferredMfa) user.mfa.preferred = "SMS_MFA";
    else if (sms.PreferredMfa === false && user.mfa.preferred === "SMS_MFA") delete user.mfa.preferred;
  }
  if (totp) {
    if (totp.Enabled !== undefined) user.mfa.totpEnabled = totp.Enabled;
    if (totp.PreferredMfa) user.mfa.preferred = "SOFTWARE_TOKEN_MFA";
    else if (totp.PreferredMfa === false && user.mfa.preferred === "SOFTWARE_TOKEN_MFA")
      delete user.mfa.preferred;
  }
  if (email) {
    if (email.Enabled !== undefined) user.mfa.emailEnabled = email.Enabled;
    if (email.PreferredMfa) user.mfa.preferred = "EMAIL_OTP";
    else if (email.PreferredMfa === false && user.mfa.preferred === "EMAIL_OTP") delete user.mfa.preferred;
  }
  if (user.mfa.preferred === "EMAIL_OTP" && !user.mfa.emailEnabled) delete user.mfa.preferred;
  if (user.mfa.preferred === "SMS_MFA" && !user.mfa.smsEnabled) delete user.mfa.preferred;
  if (user.mfa.preferred === "SOFTWARE_TOKEN_MFA" && !user.mfa.totpEnabled) delete user.mfa.preferred;
  saveUser(services, pool, user);
}

export const SetUserMFAPreference = operation(Request, (req, services) => {
  const { pool, user } = authenticateAccessToken(services, req.AccessToken);
  applyMfaPreference(
    services,
    pool,
    user,
    req.SMSMfaSettings,
    req.SoftwareTokenMfaSettings,
    req.EmailMfaSettings,
  );
  return {};
});
