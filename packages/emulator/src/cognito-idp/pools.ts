import {
  InvalidParameterException,
  InvalidPasswordException,
  NotAuthorizedException,
  ResourceNotFoundException,
  UserNotFoundException,
} from "../errors";
import type { UserKeys } from "../store/store";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types";
import type { Services } from "./services";

export const DEFAULT_PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

export function requirePool(services: Services, poolId: string): PoolRecord {
  const pool = services.store.resources.get("pool", poolId, poolId);
  if (!pool) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return pool;
}

export function requireClient(
  services: Services,
  clientId: string,
): { client: ClientRecord; pool: PoolRecord } {
  const client = services.store.resources.findById("client", clientId);
  if (!client) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return { client, pool: requirePool(services, client.UserPoolId) };
}

export function requirePoolClient(services: Services, poolId: string, clientId: string): ClientRecord {
  requirePool(services, poolId);
  const client = services.store.resources.get("client", poolId, clientId);
  if (!client) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return client;
}

/** The pool ID after `_`, the "pool name" of SRP. */
export const poolShortName = (poolId: string): string => poolId.slice(poolId.indexOf("_") + 1);

/** The region a pool lives in: the part of its ID before `_` (`eu-west-1_AbC` → `eu-west-1`). */
export const regionOfPool = (poolId: string): string => poolId.slice(0, poolId.indexOf("_"));

export const poolArn = (services: Services, poolId: string): string =>
  `arn:aws:cognito-idp:${regionOfPool(poolId)}:${services.accountId}:userpool/${poolId}`;

export const issuerOf = (_services: Services, poolId: string): string =>
  `https://cognito-idp.${regionOfPool(poolId)}.amazonaws.com/${poolId}`;

/** `UsernameConfiguration.CaseSensitive` defaults to true through the API. */
export const isCaseSensitive = (pool: PoolRecord): boolean =>
  pool.UsernameConfiguration?.CaseSensitive !== false;

export function userKeys(pool: PoolRecord, user: UserRecord): UserKeys {
  const fold = (v: string | undefined) =>
    v === undefined ? null : isCaseSensitive(pool) ? v : v.toLowerCase();
  return {
    usernameKey: fold(user.username) ?? user.username,
    emailKey: user.attributes.email === undefined ? null : user.attributes.email.toLowerCase(),
    phoneKey: user.attributes.phone_number ?? null,
    preferredKey: fold(user.attributes.preferred_username),
  };
}

export const usernameKey = (pool: PoolRecord, username: string): string =>
  isCaseSensitive(pool) ? username : username.toLowerCase();

export const usesEmailAsUsername = (pool: PoolRecord): boolean =>
  (pool.UsernameAttributes ?? []).includes("email");
export const usesPhoneAsUsername = (pool: PoolRecord): boolean =>
  (pool.UsernameAttributes ?? []).includes("phone_number");

/**
 * Finds a user by what a client typed: the username itself, or an email / phone / preferred_username
 * that signs in (username attributes: any value; alias attributes: verified values only).
 */
export function findUser(services: Services, pool: PoolRecord, name: string): UserRecord | undefined {
  const { store } = services;
  const direct = store.users.getByKey(pool.Id, usernameKey(pool, name));
  if (direct) return direct;
  const aliases = pool.AliasAttributes ?? [];
  const usernameAttrs = pool.UsernameAttributes ?? [];
  if (name.includes("@") && (aliases.includes("email") || usernameAttrs.includes("email"))) {
    const matches = store.users.findByEmail(pool.Id, name.toLowerCase());
    const hit = usernameAttrs.includes("email")
      ? matches[0]
      : matches.find((u) => u.attributes.email_verified === "true");
    if (hit) return hit;
  }
  if (name.startsWith("+") && (aliases.includes("phone_number") || usernameAttrs.includes("phone_number"))) {
    const matches = store.users.findByPhone(pool.Id, name);
    const hit = usernameAttrs.includes("phone_number")
      ? matches[0]
      : matches.find((u) => u.attributes.phone_number_verified === "true");
    if (hit) return hit;
  }
  if (aliases.includes("preferred_username")) {
    const hit = store.users.findByPreferredUsername(pool.Id, usernameKey(pool, name))[0];
    if (hit) return hit;
  }
  return undefined;
}

export function requireUser(services: Services, pool: PoolRecord, name: string): UserRecord {
  const user = findUser(services, pool, name);
  if (!user) throw new UserNotFoundException("User does not exist.");
  return user;
}

export function saveUser(services: Services, pool: PoolRecord, user: UserRecord): void {
  user.modifiedAt = services.clock.now().getTime();
  services.store.users.update(user, userKeys(pool, user));
}

/** Attributes as the API returns them, in a stable order with `sub` first. */
export function attributeList(
  user: UserRecord,
  readable?: readonly string[],
): { Name: string; Value: string }[] {
  const names = Object.keys(user.attributes).sort((a, b) =>
    a === "sub" ? -1 : b === "sub" ? 1 : a.localeCompare(b),
  );
  return names
    .filter((n) => !readable || readable.length === 0 || n === "sub" || readable.includes(n))
    .map((Name) => ({ Name, Value: user.attributes[Name] as string }));
}

const SYMBOLS = new Set("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ".split(""));

/** `InvalidPasswordException` unless `password` meets the pool's policy (every path that sets one). */
export function checkPasswordPolicy(pool: PoolRecord, password: string): void {
  // A pool without a policy gets Cognito's default; a policy's unset rules are off.
  const policy = pool.Policies?.PasswordPolicy ?? DEFAULT_PASSWORD_POLICY;
  const problems: string[] = [];
  if (password.length < (policy.MinimumLength ?? 8)) problems.push("Password not long enough");
  if (policy.RequireLowercase && !/[a-z]/.test(password))
    problems.push("Password must have lowercase characters");
  if (policy.RequireUppercase && !/[A-Z]/.test(password))
    problems.push("Password must have uppercase characters");
  if (policy.RequireNumbers && !/[0-9]/.test(password))
    problems.push("Password must have numeric characters");
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) {
    problems.push("Password must have symbol characters");
  }
  if (password.length > 256) problems.push("Password too long");
  if (problems.length > 0) {
    throw new InvalidPasswordException(`Password did not conform with policy: ${problems[0]}`);
  }
}

/** Masks an email (`a***@e***`) or phone number (`+*******1234`) as Cognito's CodeDeliveryDetails do. */
export function maskDestination(value: string): string {
  if (value.includes("@")) {
    const [local = "", domain = ""] = value.split("@");
    return `${local.charAt(0)}***@${domain.charAt(0)}***`;
  }
  return `+${"*".repeat(Math.max(value.length - 5, 1))}${value.slice(-4)}`;
}

export function requireEnabledUser(user: UserRecord): void {
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
}

/** Standard OIDC attributes a pool always has. */
export const STANDARD_ATTRIBUTES = [
  "address",
  "birthdate",
  "email",
  "email_verified",
  "family_name",
  "gender",
  "given_name",
  "locale",
  "middle_name",
  "name",
  "nickname",
  "phone_number",
  "phone_number_verified",
  "picture",
  "preferred_username",
  "profile",
  "sub",
  "updated_at",
  "website",
  "zoneinfo",
] as const;

/** Refuses attribute names the pool does not have (standard ones, or `custom:` ones in its schema). */
export function checkAttributeNames(pool: PoolRecord, names: readonly string[]): void {
  const custom = new Set((pool.SchemaAttributes ?? []).map((a) => a.Name).filter(Boolean) as string[]);
  for (const name of names) {
    if ((STANDARD_ATTRIBUTES as readonly string[]).includes(name)) continue;
    if (custom.has(name)) continue;
    if (name.startsWith("custom:") && custom.has(name)) continue;
    throw new InvalidParameterException(`Attribute does not exist in the schema: ${name}`);
  }
}
