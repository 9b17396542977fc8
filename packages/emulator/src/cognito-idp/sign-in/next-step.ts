/**
 * After a factor is proven: which challenge comes next (new password, MFA, MFA setup, a choice of
 * MFA), or the end of the sign-in. Every challenge is issued through `challenge`, which stores
 * the session and writes the sign-in's pending event.
 *
 * @module
 */
import {
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
} from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { deviceTracking } from "../devices/tracking";
import { poolHasEmailMfa, userHasEmailMfa } from "../mfa/email";
import { maskDestination, saveUser } from "../pools";
import type { Services } from "../services";
import { BLOCKED_MESSAGE } from "../threat/protection";
import { DAY_MS, deliverCode, issueCode } from "../users";
import { deviceStep } from "./device";
import { finish } from "./finish";
import { saveSession, sessionTtlMs } from "./session";
import { settleEvent } from "./threat";
import type { AuthContext, AuthSession, ChallengeName, SignInOutcome, TokenGenerationSource } from "./types";

export type MfaMethod = "SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP";
type MfaPool = PoolRecord & { SoftwareTokenMfaEnabled?: boolean };

/** Stores a challenge session and answers with the challenge. */
export function challenge(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  name: ChallengeName,
  parameters: Record<string, string>,
  extra: Partial<AuthSession> = {},
): SignInOutcome {
  if (ctx.pendingEvent) settleEvent(services, ctx, {});
  const session = saveSession(services, ctx, {
    poolId: ctx.pool.Id,
    clientId: ctx.client.ClientId,
    sub: user.sub,
    challenge: name,
    admin: ctx.admin,
    attempts: 0,
    ...(ctx.clientMetadata ? { clientMetadata: ctx.clientMetadata } : {}),
    ...(ctx.eventId ? { eventId: ctx.eventId } : {}),
    ...(ctx.deviceKey ? { deviceKey: ctx.deviceKey } : {}),
    ...(ctx.deviceProven ? { deviceProven: true } : {}),
    ...extra,
  });
  return {
    kind: "challenge",
    challenge: name,
    session,
    parameters: { ...parameters, USER_ID_FOR_SRP: user.username },
    username: user.username,
    sub: user.sub,
  };
}

/** After the password is proven: status checks, then NEW_PASSWORD_REQUIRED, MFA, or the end. */
export async function afterPassword(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
): Promise<SignInOutcome> {
  // Only a user with failures on record needs a write here.
  if (user.failedAttempts > 0) {
    user.failedAttempts = 0;
    saveUser(services, ctx.pool, user);
  }
  if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  if (user.status === "RESET_REQUIRED") {
    throw new PasswordResetRequiredException("Password reset required for the user");
  }
  if (user.status === "FORCE_CHANGE_PASSWORD") {
    const validityDays = ctx.pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays || 7;
    if (
      user.temporaryPasswordSetAt !== undefined &&
      services.clock.now().getTime() - user.temporaryPasswordSetAt > validityDays * DAY_MS
    ) {
      throw new NotAuthorizedException(
        "Temporary password has expired and must be reset by an administrator.",
      );
    }
    return challenge(services, ctx, user, "NEW_PASSWORD_REQUIRED", newPasswordParameters(ctx.pool, user));
  }
  return mfaOrFinish(services, ctx, user, "TokenGeneration_Authentication");
}

function newPasswordParameters(pool: PoolRecord, user: UserRecord): Record<string, string> {
  const { sub: _sub, ...attrs } = user.attributes;
  const required = (pool.SchemaAttributes ?? [])
    .filter((a) => a.Required && a.Name && a.Name !== "sub" && !user.attributes[a.Name])
    .map((a) => `userAttributes.${a.Name}`);
  return { userAttributes: JSON.stringify(attrs), requiredAttributes: JSON.stringify(required) };
}

/** MFA methods a user can be challenged with in this pool. */
export function userMfaMethods(pool: MfaPool, user: UserRecord): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (user.mfa.smsEnabled && user.attributes.phone_number && pool.SmsConfiguration) methods.push("SMS_MFA");
  if (user.mfa.totpEnabled && user.mfa.totpSecret && pool.SoftwareTokenMfaEnabled)
    methods.push("SOFTWARE_TOKEN_MFA");
  if (userHasEmailMfa(pool, user)) methods.push("EMAIL_OTP");
  return methods;
}

/** The pool's MFA setting, the user's methods and threat protection's verdict decide the next step. */
export async function mfaOrFinish(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  source: TokenGenerationSource,
): Promise<SignInOutcome> {
  const pool = ctx.pool as MfaPool;
  const mode = pool.MfaConfiguration ?? "OFF";
  const methods = userMfaMethods(pool, user);
  const risky = ctx.risk === "mfa-if-configured" || ctx.risk === "mfa-required";
  const device = deviceStep(services, ctx, user);
  if (device === "prove")
    return challenge(services, ctx, user, "DEVICE_SRP_AUTH", { USERNAME: user.username });
  // A proven remembered device stands in for the MFA code (not for what threat protection asks).
  if (device === "proven" && deviceTracking(pool).rememberedSkipsMfa && !risky) {
    return finish(services, ctx, user, source);
  }
  if (ctx.risk === "mfa-required" && methods.length === 0) {
    // Adaptive authentication asks for MFA the user does not have: set it up, or refuse.
    if (pool.SoftwareTokenMfaEnabled) {
      return challenge(services, ctx, user, "MFA_SETUP", {
        MFAS_CAN_SETUP: JSON.stringify(["SOFTWARE_TOKEN_MFA"]),
      });
    }
    settleEvent(services, ctx, { response: "Fail", blockedForMissingMfa: true });
    throw new NotAuthorizedException(BLOCKED_MESSAGE);
  }
  if (mode === "OFF" && !(risky && methods.length > 0)) return finish(services, ctx, user, source);
  if (methods.length === 0) {
    if (mode === "OPTIONAL" || mode === "OFF") return finish(services, ctx, user, source);
    // MFA required and nothing set up: SMS if the user has a phone and the pool can send SMS, else setup.
    if (pool.SmsConfiguration && user.attributes.phone_number)
      return codeChallenge(services, ctx, user, "SMS");
    // Email MFA needs no set-up once the user has an email address ("SMS and email message MFA").
    if (poolHasEmailMfa(pool) && user.attributes.email) return codeChallenge(services, ctx, user, "EMAIL");
    const canSetup = [
      ...(pool.SoftwareTokenMfaEnabled ? ["SOFTWARE_TOKEN_MFA"] : []),
      ...(pool.SmsConfiguration ? ["SMS_MFA"] : []),
    ];
    return challenge(services, ctx, user, "MFA_SETUP", { MFAS_CAN_SETUP: JSON.stringify(canSetup) });
  }
  const preferred =
    user.mfa.preferred && methods.includes(user.mfa.preferred) ? user.mfa.preferred : undefined;
  const chosen = preferred ?? (methods.length === 1 ? methods[0] : undefined);
  if (!chosen)
    return challenge(services, ctx, user, "SELECT_MFA_TYPE", { MFAS_CAN_CHOOSE: JSON.stringify(methods) });
  return mfaChallenge(services, ctx, user, chosen);
}

/** The challenge of one MFA method (an SMS code is sent). */
export function mfaChallenge(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  method: MfaMethod,
): Promise<SignInOutcome> | SignInOutcome {
  if (method === "SMS_MFA") return codeChallenge(services, ctx, user, "SMS");
  if (method === "EMAIL_OTP") return codeChallenge(services, ctx, user, "EMAIL");
  return challenge(services, ctx, user, "SOFTWARE_TOKEN_MFA", {});
}

/** SMS_MFA or EMAIL_OTP: the code goes out by text message or email when the challenge is issued. */
async function codeChallenge(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  medium: "SMS" | "EMAIL",
): Promise<SignInOutcome> {
  const destination = medium === "SMS" ? user.attributes.phone_number : user.attributes.email;
  const result = challenge(services, ctx, user, medium === "SMS" ? "SMS_MFA" : "EMAIL_OTP", {
    CODE_DELIVERY_DELIVERY_MEDIUM: medium,
    CODE_DELIVERY_DESTINATION: maskDestination(destination ?? ""),
  });
  if (result.kind !== "challenge") return result;
  const code = issueCode(services, user, `mfa:${result.session}`, sessionTtlMs(ctx));
  await deliverCode(services, ctx.pool, user, {
    kind: "Authentication",
    medium,
    code,
    clientId: ctx.client.ClientId,
    ...(ctx.clientMetadata ? { clientMetadata: ctx.clientMetadata } : {}),
  });
  return result;
}
