/**
 * Email MFA (`EmailMfaConfiguration` on the pool, `EmailMfaSettings` per user, the `EMAIL_OTP`
 * challenge). AWS: email MFA needs the pool to send email with Amazon SES (`EmailSendingAccount:
 * DEVELOPER`) and the Essentials plan or higher (the feature-plan check refuses it on Lite);
 * codes go to the user's email address, verified or not, and completing the first MFA marks it
 * verified ("SMS and email message MFA", Amazon Cognito Developer Guide).
 *
 * @module
 */
import { InvalidParameterException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import type { PoolInternals } from "../pool-settings";

export type EmailMfaPool = PoolRecord & PoolInternals;

/** The default message when `EmailMfaConfiguration` names none. */
export const DEFAULT_EMAIL_MFA = { subject: "Your sign-in code", message: "Your sign-in code is {####}." };

/** SetUserPoolMfaConfig's `EmailMfaConfiguration`: refused unless the pool sends email through SES. */
export function checkEmailMfaConfig(pool: EmailMfaPool): void {
  if (pool.EmailConfiguration?.EmailSendingAccount !== "DEVELOPER") {
    throw new InvalidParameterException(
      "Email MFA needs the user pool to send email with Amazon SES: set EmailConfiguration.EmailSendingAccount to DEVELOPER (with a SourceArn) first.",
    );
  }
}

/** The pool can send email MFA codes. */
export const poolHasEmailMfa = (pool: EmailMfaPool): boolean =>
  pool.EmailMfaConfiguration !== undefined && pool.EmailConfiguration?.EmailSendingAccount === "DEVELOPER";

/** The user can be challenged with EMAIL_OTP (email MFA on, an email address, the pool able to send). */
export const userHasEmailMfa = (pool: EmailMfaPool, user: UserRecord): boolean =>
  user.mfa.emailEnabled === true && !!user.attributes.email && poolHasEmailMfa(pool);

/** `EmailMfaSettings.Enabled: true` in SetUserMFAPreference and its admin variant. */
export function checkEmailMfaPreference(pool: EmailMfaPool, user: UserRecord): void {
  if (!poolHasEmailMfa(pool)) {
    throw new InvalidParameterException(
      "Email MFA is not configured for this user pool (EmailMfaConfiguration).",
    );
  }
  if (!user.attributes.email) {
    throw new InvalidParameterException("User does not have an email address for email MFA.");
  }
}

/** The message and subject an EMAIL_OTP code goes out in. */
export function emailMfaMessage(pool: EmailMfaPool): { subject: string; body: string } {
  return {
    subject: pool.EmailMfaConfiguration?.Subject ?? DEFAULT_EMAIL_MFA.subject,
    body: pool.EmailMfaConfiguration?.Message ?? DEFAULT_EMAIL_MFA.message,
  };
}
