import { secretHashMatches } from "../crypto/secret-hash";
import { createSrpVerifier, passwordMatches } from "../crypto/srp";
import {
  AliasExistsException,
  CodeMismatchException,
  ExpiredCodeException,
  InvalidParameterException,
  NotAuthorizedException,
  UsernameExistsException,
} from "../errors";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types";
import { NO_CLIENT, runTrigger, triggerAttributes } from "../triggers/cognito";
import { newCode, newUuid } from "./ids";
import {
  checkAttributeNames,
  checkPasswordPolicy,
  maskDestination,
  poolShortName,
  saveUser,
  userKeys,
  usernameKey,
  usesEmailAsUsername,
  usesPhoneAsUsername,
} from "./pools";
import type { Services } from "./services";

export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;

/** SECRET_HASH check for clients with a secret (Cognito's exact messages). */
export function checkSecretHash(client: ClientRecord, username: string, given: string | undefined): void {
  if (!client.ClientSecret) return;
  if (!given) {
    throw new NotAuthorizedException(
      `Client ${client.ClientId} is configured for secret but secret was not received`,
    );
  }
  if (!secretHashMatches(given, username, client.ClientId, client.ClientSecret)) {
    throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.ClientId}`);
  }
}

export const preventsUserExistenceErrors = (client: ClientRecord | undefined): boolean =>
  client?.PreventUserExistenceErrors === "ENABLED";

export function toAttributeMap(
  list: { Name: string; Value?: string | undefined }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list ?? []) out[a.Name] = a.Value ?? "";
  return out;
}

const PHONE = /^\+[0-9]{4,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Format checks Cognito applies to attribute values. */
export function checkAttributeValues(attrs: Record<string, string>): void {
  if (attrs.phone_number !== undefined && !PHONE.test(attrs.phone_number)) {
    throw new InvalidParameterException("Invalid phone number format.");
  }
  if (attrs.email !== undefined && !EMAIL.test(attrs.email)) {
    throw new InvalidParameterException("Invalid email address format.");
  }
  for (const name of ["email_verified", "phone_number_verified"]) {
    const v = attrs[name];
    if (v !== undefined && v !== "true" && v !== "false") {
      throw new InvalidParameterException(`Invalid value for ${name}: must be true or false.`);
    }
  }
}

/**
 * Works out the internal username and initial attributes of a new user (SignUp, AdminCreateUser),
 * enforcing username vs alias attribute rules and uniqueness.
 */
export function prepareNewUser(
  services: Services,
  pool: PoolRecord,
  username: string,
  attributeInput: Record<string, string>,
): { username: string; sub: string; attributes: Record<string, string> } {
  const attributes = { ...attributeInput };
  delete attributes.sub;
  checkAttributeNames(pool, Object.keys(attributes));
  const sub = newUuid();
  let internal = username;
  if (usesEmailAsUsername(pool) || usesPhoneAsUsername(pool)) {
    if (usesEmailAsUsername(pool) && EMAIL.test(username)) {
      attributes.email = username;
    } else if (usesPhoneAsUsername(pool) && PHONE.test(username)) {
      attributes.phone_number = username;
    } else {
      throw new InvalidParameterException(
        usesEmailAsUsername(pool) && usesPhoneAsUsername(pool)
          ? "Username should be either an email or a phone number."
          : usesEmailAsUsername(pool)
            ? "Username should be an email."
            : "Username should be a phone number.",
      );
    }
    internal = sub;
  } else {
    const aliases = pool.AliasAttributes ?? [];
    if (aliases.includes("email") && EMAIL.test(username)) {
      throw new InvalidParameterException("Username should not be an email.");
    }
    if (aliases.includes("phone_number") && PHONE.test(username)) {
      throw new InvalidParameterException("Username should not be a phone number.");
    }
  }
  checkAttributeValues(attributes);
  for (const attr of pool.SchemaAttributes ?? []) {
    if (attr.Required && attr.Name && attr.Name !== "sub" && !attributes[attr.Name]) {
      throw new InvalidParameterException(
        `Attributes did not conform to the schema: ${attr.Name}: The attribute is required`,
      );
    }
  }
  if (services.store.getUserByKey(pool.Id, usernameKey(pool, internal))) {
    throw new UsernameExistsException("User already exists");
  }
  if (usesEmailAsUsername(pool) && attributes.email) {
    if (services.store.findUsersByEmail(pool.Id, attributes.email.toLowerCase()).length > 0) {
      throw new UsernameExistsException("An account with the given email already exists.");
    }
  }
  if (usesPhoneAsUsername(pool) && attributes.phone_number) {
    if (services.store.findUsersByPhone(pool.Id, attributes.phone_number).length > 0) {
      throw new UsernameExistsException("An account with the given phone_number already exists.");
    }
  }
  if ((pool.AliasAttributes ?? []).includes("preferred_username") && attributes.preferred_username) {
    if (
      services.store.findUsersByPreferredUsername(pool.Id, usernameKey(pool, attributes.preferred_username))
        .length > 0
    ) {
      throw new AliasExistsException("An account with the given preferred_username already exists.");
    }
  }
  return { username: internal, sub, attributes: { sub, ...attributes } };
}

export function insertUser(services: Services, pool: PoolRecord, user: UserRecord): void {
  services.store.insertUser(user, userKeys(pool, user));
}

export function blankUser(
  services: Services,
  pool: PoolRecord,
  prepared: { username: string; sub: string; attributes: Record<string, string> },
  status: UserRecord["status"],
): UserRecord {
  const now = services.clock.now().getTime();
  return {
    poolId: pool.Id,
    username: prepared.username,
    sub: prepared.sub,
    status,
    enabled: true,
    attributes: prepared.attributes,
    mfa: { totpEnabled: false, smsEnabled: false },
    createdAt: now,
    modifiedAt: now,
    failedAttempts: 0,
    lastFailedAt: 0,
  };
}

/** Sets a password (policy and history checked), stored only as an SRP verifier. */
export function setPassword(
  pool: PoolRecord,
  user: UserRecord,
  password: string,
  options: { temporary: boolean; now: number; skipPolicy?: boolean },
): void {
  if (!options.skipPolicy) checkPasswordPolicy(pool, password);
  const historySize = pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0;
  if (historySize > 0) {
    const previous = [user.password, ...(user.passwordHistory ?? [])]
      .filter((p) => p !== undefined)
      .slice(0, historySize);
    if (previous.some((p) => passwordMatches(poolShortName(pool.Id), user.username, password, p))) {
      throw new InvalidParameterException("Password has previously been used.");
    }
    if (user.password)
      user.passwordHistory = [user.password, ...(user.passwordHistory ?? [])].slice(0, historySize);
  }
  user.password = createSrpVerifier(poolShortName(pool.Id), user.username, password);
  if (options.temporary) user.temporaryPasswordSetAt = options.now;
  else delete user.temporaryPasswordSetAt;
}

export function checkPassword(pool: PoolRecord, user: UserRecord, password: string): boolean {
  return (
    user.password !== undefined &&
    passwordMatches(poolShortName(pool.Id), user.username, password, user.password)
  );
}

/** Stores a fresh code for `purpose` and returns it. */
export function issueCode(services: Services, user: UserRecord, purpose: string, ttlMs: number): string {
  const code = newCode();
  services.store.putCode(user.poolId, user.sub, purpose, code, services.clock.now().getTime() + ttlMs);
  return code;
}

/** Checks and consumes a code (`CodeMismatchException` / `ExpiredCodeException`). */
export function consumeCode(services: Services, user: UserRecord, purpose: string, code: string): void {
  const row = services.store.getCode(user.poolId, user.sub, purpose);
  if (!row || row.code !== code) {
    throw new CodeMismatchException("Invalid verification code provided, please try again.");
  }
  if (row.expiresAt < services.clock.now().getTime()) {
    services.store.deleteCode(user.poolId, user.sub, purpose);
    throw new ExpiredCodeException("Invalid code provided, please request a code again.");
  }
  services.store.deleteCode(user.poolId, user.sub, purpose);
}

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: "EMAIL" | "SMS";
  AttributeName: "email" | "phone_number";
}

/** Which verified-able attribute a confirmation code goes to: email first, as Cognito does. */
export function confirmationTarget(pool: PoolRecord, user: UserRecord): CodeDeliveryDetails | undefined {
  const auto = pool.AutoVerifiedAttributes ?? [];
  if (auto.includes("email") && user.attributes.email) {
    return {
      Destination: maskDestination(user.attributes.email),
      DeliveryMedium: "EMAIL",
      AttributeName: "email",
    };
  }
  if (auto.includes("phone_number") && user.attributes.phone_number) {
    return {
      Destination: maskDestination(user.attributes.phone_number),
      DeliveryMedium: "SMS",
      AttributeName: "phone_number",
    };
  }
  return undefined;
}

/** Where a password-reset code goes: a verified email or phone (per AccountRecoverySetting order). */
export function recoveryTarget(pool: PoolRecord, user: UserRecord): CodeDeliveryDetails | undefined {
  const email =
    user.attributes.email && user.attributes.email_verified === "true"
      ? ({
          Destination: maskDestination(user.attributes.email),
          DeliveryMedium: "EMAIL",
          AttributeName: "email",
        } as const)
      : undefined;
  const phone =
    user.attributes.phone_number && user.attributes.phone_number_verified === "true"
      ? ({
          Destination: maskDestination(user.attributes.phone_number),
          DeliveryMedium: "SMS",
          AttributeName: "phone_number",
        } as const)
      : undefined;
  const order = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])
    .slice()
    .sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))
    .map((m) => m.Name);
  if (order.length > 0) {
    for (const name of order) {
      if (name === "verified_email" && email) return email;
      if (name === "verified_phone_number" && phone) return phone;
    }
    return undefined;
  }
  return email ?? phone;
}

export type MessageKind =
  | "SignUp"
  | "ResendCode"
  | "ForgotPassword"
  | "AdminCreateUser"
  | "UpdateUserAttribute"
  | "VerifyUserAttribute"
  | "Authentication";

function defaultMessage(pool: PoolRecord, kind: MessageKind, medium: "EMAIL" | "SMS") {
  const tpl = pool.VerificationMessageTemplate ?? {};
  if (kind === "AdminCreateUser") {
    const invite = pool.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
    return medium === "EMAIL"
      ? {
          subject: invite.EmailSubject ?? "Your temporary password",
          body: invite.EmailMessage ?? "Your username is {username} and temporary password is {####}.",
        }
      : {
          subject: null,
          body: invite.SMSMessage ?? "Your username is {username} and temporary password is {####}.",
        };
  }
  if (kind === "Authentication") {
    return { subject: null, body: pool.SmsAuthenticationMessage ?? "Your authentication code is {####}." };
  }
  return medium === "EMAIL"
    ? {
        subject: tpl.EmailSubject ?? pool.EmailVerificationSubject ?? "Your verification code",
        body: tpl.EmailMessage ?? pool.EmailVerificationMessage ?? "Your verification code is {####}.",
      }
    : {
        subject: null,
        body: tpl.SmsMessage ?? pool.SmsVerificationMessage ?? "Your verification code is {####}.",
      };
}

/**
 * Sends a code (or temporary password) to the user's email or phone: through the pool's
 * CustomMessage trigger when it has one, then into the outbox.
 */
export async function deliverCode(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  input: {
    kind: MessageKind;
    medium: "EMAIL" | "SMS";
    code: string;
    clientId?: string;
    clientMetadata?: Record<string, string>;
    /** Username shown in an invitation (AdminCreateUser). */
    username?: string;
  },
): Promise<void> {
  const recipient = input.medium === "EMAIL" ? user.attributes.email : user.attributes.phone_number;
  if (!recipient) return;
  let { subject, body } = defaultMessage(pool, input.kind, input.medium);
  const response = await runTrigger(services, pool, "CustomMessage", {
    triggerSource: `CustomMessage_${input.kind}`,
    userName: user.username,
    clientId: input.clientId ?? NO_CLIENT,
    request: {
      userAttributes: triggerAttributes(user),
      codeParameter: "{####}",
      linkParameter: "{##Click Here##}",
      usernameParameter: input.kind === "AdminCreateUser" ? "{username}" : null,
      clientMetadata: input.clientMetadata ?? {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  });
  if (response) {
    if (input.medium === "EMAIL") {
      if (typeof response.emailMessage === "string" && response.emailMessage) body = response.emailMessage;
      if (typeof response.emailSubject === "string" && response.emailSubject) subject = response.emailSubject;
    } else if (typeof response.smsMessage === "string" && response.smsMessage) {
      body = response.smsMessage;
    }
  }
  const text = body
    .replaceAll("{####}", input.code)
    .replaceAll("{username}", input.username ?? user.username);
  services.store.addMessage({
    createdAt: services.clock.now().getTime(),
    poolId: pool.Id,
    medium: input.medium,
    recipient,
    subject,
    body: text,
    kind: input.kind,
  });
}

/** Marks an email/phone verified, taking a verified alias away from another user only if forced. */
export function markVerified(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  attribute: "email" | "phone_number",
  forceAliasCreation: boolean,
): void {
  const value = user.attributes[attribute];
  if (!value) return;
  if ((pool.AliasAttributes ?? []).includes(attribute)) {
    const others = (
      attribute === "email"
        ? services.store.findUsersByEmail(pool.Id, value.toLowerCase())
        : services.store.findUsersByPhone(pool.Id, value)
    ).filter((u) => u.sub !== user.sub && u.attributes[`${attribute}_verified`] === "true");
    if (others.length > 0 && !forceAliasCreation) {
      throw new AliasExistsException(
        `An account with the ${attribute === "email" ? "email" : "phone number"} already exists.`,
      );
    }
    for (const other of others) {
      other.attributes[`${attribute}_verified`] = "false";
      saveUser(services, pool, other);
    }
  }
  user.attributes[`${attribute}_verified`] = "true";
}

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

export function requireClientForPool(client: ClientRecord, pool: PoolRecord): void {
  if (client.UserPoolId !== pool.Id) throw new NotAuthorizedException("Invalid client for this user pool.");
}

/**
 * UpdateUserAttributes / AdminUpdateUserAttributes: checks names, mutability and (for users) the
 * client's WriteAttributes; a changed email or phone becomes unverified and, where the pool
 * auto-verifies it, gets a verification code.
 */
export async function updateAttributes(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  updates: Record<string, string>,
  options: { admin: boolean; client?: ClientRecord; clientMetadata?: Record<string, string> },
): Promise<CodeDeliveryDetails[]> {
  checkAttributeNames(
    pool,
    Object.keys(updates).filter((n) => !n.startsWith("dev:")),
  );
  checkAttributeValues(updates);
  for (const name of Object.keys(updates)) {
    if (name === "sub") throw new InvalidParameterException("Cannot modify the non-mutable attribute sub");
    const schema = (pool.SchemaAttributes ?? []).find((a) => a.Name === name);
    if (schema && schema.Mutable === false && user.attributes[name] !== undefined) {
      throw new InvalidParameterException(`Cannot modify the non-mutable attribute ${name}`);
    }
    if (!options.admin) {
      const writable = options.client?.WriteAttributes;
      if ((writable && writable.length > 0 && !writable.includes(name)) || name.startsWith("dev:")) {
        throw new NotAuthorizedException("A client attempted to write unauthorized attribute");
      }
    }
  }
  const sent: CodeDeliveryDetails[] = [];
  const changed: ("email" | "phone_number")[] = [];
  const holdUntilVerified = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  for (const [name, value] of Object.entries(updates)) {
    if ((name === "email" || name === "phone_number") && user.attributes[name] !== value) {
      if (name === "email" && usesEmailAsUsername(pool)) {
        const clash = services.store
          .findUsersByEmail(pool.Id, value.toLowerCase())
          .some((u) => u.sub !== user.sub);
        if (clash) throw new AliasExistsException("An account with the given email already exists.");
      }
      if (name === "phone_number" && usesPhoneAsUsername(pool)) {
        const clash = services.store.findUsersByPhone(pool.Id, value).some((u) => u.sub !== user.sub);
        if (clash) throw new AliasExistsException("An account with the given phone_number already exists.");
      }
      changed.push(name);
      const verifiedByAdmin = options.admin && updates[`${name}_verified`] === "true";
      if (
        holdUntilVerified.includes(name) &&
        (pool.AutoVerifiedAttributes ?? []).includes(name) &&
        user.attributes[name] !== undefined &&
        !verifiedByAdmin
      ) {
        // The old value stays (and keeps signing in) until the new one is verified.
        user.pendingAttributes = { ...user.pendingAttributes, [name]: value };
        continue;
      }
      if (user.pendingAttributes) delete user.pendingAttributes[name];
    }
    user.attributes[name] = value;
  }
  for (const name of changed) {
    const pending = user.pendingAttributes?.[name];
    if (pending !== undefined) {
      const code = issueCode(services, user, `verify:${name}`, DAY_MS);
      const medium = name === "email" ? "EMAIL" : "SMS";
      await deliverCode(
        services,
        pool,
        { ...user, attributes: { ...user.attributes, [name]: pending } },
        {
          kind: "UpdateUserAttribute",
          medium,
          code,
          ...(options.client ? { clientId: options.client.ClientId } : {}),
          ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
        },
      );
      sent.push({ Destination: maskDestination(pending), DeliveryMedium: medium, AttributeName: name });
      continue;
    }
    const verifiedKey = `${name}_verified`;
    if (!(options.admin && updates[verifiedKey] === "true")) user.attributes[verifiedKey] = "false";
    if (user.attributes[verifiedKey] !== "true" && (pool.AutoVerifiedAttributes ?? []).includes(name)) {
      const code = issueCode(services, user, `verify:${name}`, DAY_MS);
      const medium = name === "email" ? "EMAIL" : "SMS";
      await deliverCode(services, pool, user, {
        kind: "UpdateUserAttribute",
        medium,
        code,
        ...(options.client ? { clientId: options.client.ClientId } : {}),
        ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
      });
      sent.push({
        Destination: maskDestination(user.attributes[name] ?? ""),
        DeliveryMedium: medium,
        AttributeName: name,
      });
    }
  }
  saveUser(services, pool, user);
  return sent;
}
