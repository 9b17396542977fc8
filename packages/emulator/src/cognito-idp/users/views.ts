/** The user shapes operations answer with (UserType, MFA settings). */
import type { UserRecord } from "../../store/types";

/** The UserType shape of AdminCreateUser and ListUsers. */
export function userType(user: UserRecord, attributesToGet?: string[]) {
  const attrs = Object.entries(user.attributes)
    .filter(([n]) => !attributesToGet || attributesToGet.includes(n))
    .map(([Name, Value]) => ({ Name, Value }));
  return {
    Username: user.username,
    Attributes: attrs,
    UserCreateDate: user.createdAt / 1000,
    UserLastModifiedDate: user.modifiedAt / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** MFA fields of GetUser / AdminGetUser. */
export function mfaSettings(user: UserRecord) {
  const list: string[] = [];
  if (user.mfa.smsEnabled) list.push("SMS_MFA");
  if (user.mfa.totpEnabled && user.mfa.totpSecret) list.push("SOFTWARE_TOKEN_MFA");
  if (user.mfa.emailEnabled) list.push("EMAIL_OTP");
  return {
    ...(user.mfa.smsEnabled && user.attributes.phone_number
      ? { MFAOptions: [{ DeliveryMedium: "SMS", AttributeName: "phone_number" }] }
      : {}),
    ...(user.mfa.preferred && list.includes(user.mfa.preferred)
      ? { PreferredMfaSetting: user.mfa.preferred }
      : {}),
    ...(list.length > 0 ? { UserMFASettingList: list } : {}),
  };
}
