import "server-only";
import {
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  type CodeDeliveryDetailsType,
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  SetUserMFAPreferenceCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { cognito } from "./cognito";
import { isAccessTokenRejected, isServiceFailure } from "./cognito-errors";
import { ServiceUnavailableError, SessionExpiredError } from "./errors";
import { accessTokenFor } from "./token-store";

/**
 * The signed-in user's own Cognito account, through the user-pool API with their access token
 * (server-side only; the token never leaves this process). A token Cognito refuses is refreshed
 * once and the call retried (the call did not run); a second refusal ends the session.
 */
async function withAccessToken<T>(userId: string, call: (accessToken: string) => Promise<T>): Promise<T> {
  try {
    return await call(await accessTokenFor(userId));
  } catch (err) {
    if (!isAccessTokenRejected(err)) throw unavailable(err);
  }
  try {
    return await call(await accessTokenFor(userId, { forceRefresh: true }));
  } catch (err) {
    if (isAccessTokenRejected(err))
      throw new SessionExpiredError("Cognito refused the session's access token");
    throw unavailable(err);
  }
}

function unavailable(err: unknown): unknown {
  return isServiceFailure(err)
    ? new ServiceUnavailableError("sign-in", "Cognito's user-pool API is unavailable", { cause: err })
    : err;
}

export type MfaMethod = "SOFTWARE_TOKEN_MFA" | "SMS_MFA";

export interface AccountDetails {
  username: string;
  attributes: Record<string, string>;
  mfa: { enabled: MfaMethod[]; preferred: MfaMethod | undefined };
}

export function getAccount(userId: string): Promise<AccountDetails> {
  return withAccessToken(userId, async (AccessToken) => {
    const res = await cognito.send(new GetUserCommand({ AccessToken }));
    const attributes = Object.fromEntries(
      (res.UserAttributes ?? []).map((a) => [a.Name ?? "", a.Value ?? ""]).filter(([name]) => name),
    );
    const enabled = (res.UserMFASettingList ?? []).filter(
      (m): m is MfaMethod => m === "SOFTWARE_TOKEN_MFA" || m === "SMS_MFA",
    );
    const preferred = enabled.find((m) => m === res.PreferredMfaSetting);
    return { username: res.Username ?? "", attributes, mfa: { enabled, preferred } };
  });
}

/** Where a verification code went, as Cognito masks it (`n***@e***`). */
export interface CodeDelivery {
  destination: string;
  medium: "EMAIL" | "SMS";
}

function delivery(details: CodeDeliveryDetailsType | undefined): CodeDelivery | undefined {
  if (!details?.Destination) return undefined;
  return { destination: details.Destination, medium: details.DeliveryMedium === "SMS" ? "SMS" : "EMAIL" };
}

/** UpdateUserAttributes; returns where Cognito sent verification codes (a changed email). */
export function updateAttributes(
  userId: string,
  attributes: Record<string, string>,
): Promise<CodeDelivery[]> {
  return withAccessToken(userId, async (AccessToken) => {
    const res = await cognito.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    return (res.CodeDeliveryDetailsList ?? [])
      .map(delivery)
      .filter((d): d is CodeDelivery => d !== undefined);
  });
}

export type VerifiableAttribute = "email" | "phone_number";

/** GetUserAttributeVerificationCode: (re)sends the code for an email or phone number. */
export function sendVerificationCode(
  userId: string,
  attribute: VerifiableAttribute,
): Promise<CodeDelivery | undefined> {
  return withAccessToken(userId, async (AccessToken) =>
    delivery(
      (
        await cognito.send(
          new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: attribute }),
        )
      ).CodeDeliveryDetails,
    ),
  );
}

/** VerifyUserAttribute: a changed email takes effect, a phone number becomes verified. */
export function verifyAttribute(userId: string, attribute: VerifiableAttribute, code: string): Promise<void> {
  return withAccessToken(userId, async (AccessToken) => {
    await cognito.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: attribute, Code: code }));
  });
}

export function changePassword(userId: string, previous: string, proposed: string): Promise<void> {
  return withAccessToken(userId, async (AccessToken) => {
    await cognito.send(
      new ChangePasswordCommand({ AccessToken, PreviousPassword: previous, ProposedPassword: proposed }),
    );
  });
}

/** AssociateSoftwareToken: a new TOTP secret, pending until a code from it is verified. */
export function associateSoftwareToken(userId: string): Promise<string> {
  return withAccessToken(userId, async (AccessToken) => {
    const res = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    if (!res.SecretCode) throw new ServiceUnavailableError("sign-in", "Cognito returned no TOTP secret");
    return res.SecretCode;
  });
}

/** VerifySoftwareToken, then TOTP is turned on and made the preferred second factor. */
export async function enableSoftwareToken(userId: string, code: string): Promise<void> {
  await withAccessToken(userId, async (AccessToken) => {
    await cognito.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: code,
        FriendlyDeviceName: "Authenticator app",
      }),
    );
  });
  await setMfaPreference(userId, { totp: { enabled: true, preferred: true } });
}

export interface MfaPreference {
  totp?: { enabled: boolean; preferred: boolean };
  sms?: { enabled: boolean; preferred: boolean };
}

/** SetUserMFAPreference for the methods given (the others stay as they are). */
export function setMfaPreference(userId: string, preference: MfaPreference): Promise<void> {
  return withAccessToken(userId, async (AccessToken) => {
    await cognito.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        ...(preference.totp
          ? {
              SoftwareTokenMfaSettings: {
                Enabled: preference.totp.enabled,
                PreferredMfa: preference.totp.preferred,
              },
            }
          : {}),
        ...(preference.sms
          ? { SMSMfaSettings: { Enabled: preference.sms.enabled, PreferredMfa: preference.sms.preferred } }
          : {}),
      }),
    );
  });
}

/** GlobalSignOut: every refresh token of the user (and access tokens minted from them) is revoked. */
export function globalSignOut(userId: string): Promise<void> {
  return withAccessToken(userId, async (AccessToken) => {
    await cognito.send(new GlobalSignOutCommand({ AccessToken }));
  });
}

/** DeleteUser: the Cognito user is gone; the caller removes the local records. */
export function deleteCognitoUser(userId: string): Promise<void> {
  return withAccessToken(userId, async (AccessToken) => {
    await cognito.send(new DeleteUserCommand({ AccessToken }));
  });
}
