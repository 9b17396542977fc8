import { decodeJwt } from "jose";
import {
  atHash,
  generateSigningKey,
  JwtError,
  jwksOf,
  type PublicJwk,
  type SigningKey,
  signJwtOffThread,
  verifyJwt,
} from "../crypto/jwt";
import { NotAuthorizedException, UserNotFoundException } from "../errors";
import type { ClientRecord, GroupRecord, PoolRecord, UserRecord } from "../store/types";
import { newRefreshToken, newUuid } from "./ids";
import { issuerOf, requirePool } from "./pools";
import type { Services } from "./services";

type KeyUse = "id" | "access";

/** Creates the pool's two signing keys (ID and access tokens are signed with different keys). */
export function ensureSigningKeys(services: Services, poolId: string): void {
  for (const use of ["id", "access"] as const) {
    if (!services.store.signingKeys.get(poolId, use))
      services.store.signingKeys.put(poolId, use, generateSigningKey());
  }
}

const keyCache = new Map<string, SigningKey>();

function signingKey(services: Services, poolId: string, use: KeyUse): SigningKey {
  const cacheKey = `${poolId}:${use}`;
  const cached = keyCache.get(cacheKey);
  const row = cached ?? services.store.signingKeys.get(poolId, use);
  if (!row) {
    ensureSigningKeys(services, poolId);
    return signingKey(services, poolId, use);
  }
  const key = row as SigningKey;
  if (!cached) keyCache.set(cacheKey, key);
  return key;
}

/** The pool's JWKS, as served at `/{poolId}/.well-known/jwks.json`. */
export function poolJwks(services: Services, poolId: string): { keys: PublicJwk[] } {
  return jwksOf([signingKey(services, poolId, "id"), signingKey(services, poolId, "access")]);
}

const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

export function tokenLifetimes(client: ClientRecord): { access: number; id: number; refresh: number } {
  const units = client.TokenValidityUnits ?? {};
  return {
    access:
      (client.AccessTokenValidity ?? 60) *
      UNIT_SECONDS[units.AccessToken ?? (client.AccessTokenValidity ? "hours" : "minutes")],
    id:
      (client.IdTokenValidity ?? 60) *
      UNIT_SECONDS[units.IdToken ?? (client.IdTokenValidity ? "hours" : "minutes")],
    refresh: (client.RefreshTokenValidity || 30) * UNIT_SECONDS[units.RefreshToken ?? "days"],
  };
}

/** Claims a pre-token-generation trigger asks for. */
export interface ClaimOverrides {
  id?: { add?: Record<string, unknown>; suppress?: string[] };
  access?: {
    add?: Record<string, unknown>;
    suppress?: string[];
    scopesToAdd?: string[];
    scopesToSuppress?: string[];
  };
  groups?: { groups?: string[]; roles?: string[]; preferredRole?: string | null };
}

export interface IssueOptions {
  authTime?: number;
  originJti?: string;
  /** False for REFRESH_TOKEN_AUTH: Cognito returns no new refresh token. */
  withRefreshToken: boolean;
  /** The new refresh token's expiry (epoch seconds): a rotated token keeps its predecessor's. */
  refreshExpiresAt?: number;
  scopes?: string[];
  overrides?: ClaimOverrides;
  /**
   * The ID-token claims only the OAuth endpoints add: `nonce` from the authorize request, and
   * `at_hash` (the hash of the access token issued with it, OIDC Core §3.1.3.6).
   */
  oauth?: { nonce?: string; atHash: boolean };
  /** Remembered devices: the device the tokens are tied to (`device_key`; refreshes need it). */
  deviceKey?: string;
}

export interface GroupClaims {
  groups: string[];
  roles: string[];
  preferredRole?: string;
}

/** `cognito:groups`, `cognito:roles`, `cognito:preferred_role` of a user. */
export function groupClaims(services: Services, user: UserRecord): GroupClaims {
  const names = services.store.groupMembers.groupsOf(user.poolId, user.sub);
  const groups = names
    .map((n) => services.store.resources.get("group", user.poolId, n))
    .filter((g): g is GroupRecord => g !== undefined);
  const roles = groups.map((g) => g.RoleArn).filter((r): r is string => typeof r === "string");
  const withRole = groups.filter((g) => g.RoleArn && g.Precedence !== undefined);
  withRole.sort((a, b) => (a.Precedence ?? 0) - (b.Precedence ?? 0));
  const [first, second] = withRole;
  const preferredRole =
    first && (!second || second.Precedence !== first.Precedence) ? first.RoleArn : undefined;
  return { groups: names, roles, ...(preferredRole ? { preferredRole } : {}) };
}

/** ID-token attribute claims: readable attributes, `*_verified` as booleans, `updated_at` as a number. */
export function attributeClaims(user: UserRecord, client: ClientRecord): Record<string, unknown> {
  const readable = client.ReadAttributes;
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === "sub") continue;
    if (readable && readable.length > 0 && !readable.includes(name)) continue;
    if (name === "email_verified" || name === "phone_number_verified") claims[name] = value === "true";
    // Federated users keep `identities` as a JSON string attribute; the ID token carries the array.
    else if (name === "identities") claims[name] = parseJsonOr(value);
    else if (name === "updated_at" && /^\d+$/.test(value)) claims[name] = Number(value);
    else claims[name] = value;
  }
  return claims;
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function applyOverrides(
  claims: Record<string, unknown>,
  add: Record<string, unknown> | undefined,
  suppress: string[] | undefined,
): Record<string, unknown> {
  const protectedClaims = new Set([
    "acr",
    "amr",
    "aud",
    "at_hash",
    "auth_time",
    "azp",
    "cognito:username",
    "exp",
    "iat",
    "identities",
    "iss",
    "jti",
    "nbf",
    "nonce",
    "origin_jti",
    "sub",
    "token_use",
    "client_id",
    "device_key",
    "event_id",
    "username",
    "scope",
    "version",
  ]);
  const out = { ...claims };
  for (const [k, v] of Object.entries(add ?? {})) if (!protectedClaims.has(k)) out[k] = v;
  for (const k of suppress ?? []) if (!protectedClaims.has(k)) delete out[k];
  return out;
}

export interface IssuedTokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: "Bearer";
  /** A sign-in on a device the pool does not know yet, with device tracking on. */
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
}

/** Mints ID + access (+ refresh) tokens with Cognito's claims and stores the refresh token. */
export async function issueTokens(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  options: IssueOptions,
): Promise<IssuedTokens> {
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const authTime = options.authTime ?? now;
  const lifetimes = tokenLifetimes(client);
  const iss = issuerOf(services, pool.Id);
  const originJti = options.originJti ?? newUuid();
  const eventId = newUuid();
  const group = options.overrides?.groups;
  const g = groupClaims(services, user);
  const groups = group?.groups ?? g.groups;
  const roles = group?.roles ?? g.roles;
  const preferredRole = group && "preferredRole" in group ? group.preferredRole : g.preferredRole;
  const groupPart: Record<string, unknown> = groups.length > 0 ? { "cognito:groups": groups } : {};
  let scopes = options.scopes ?? ["aws.cognito.signin.user.admin"];
  const accessOverrides = options.overrides?.access;
  if (accessOverrides?.scopesToAdd) scopes = [...new Set([...scopes, ...accessOverrides.scopesToAdd])];
  if (accessOverrides?.scopesToSuppress)
    scopes = scopes.filter((s) => !accessOverrides.scopesToSuppress?.includes(s));

  const idClaims = applyOverrides(
    {
      sub: user.sub,
      ...groupPart,
      ...(roles.length > 0 ? { "cognito:roles": roles } : {}),
      ...(preferredRole ? { "cognito:preferred_role": preferredRole } : {}),
      iss,
      "cognito:username": user.username,
      ...attributeClaims(user, client),
    },
    options.overrides?.id?.add,
    options.overrides?.id?.suppress,
  );
  const idPayload = {
    ...idClaims,
    sub: user.sub,
    iss,
    "cognito:username": user.username,
    origin_jti: originJti,
    aud: client.ClientId,
    event_id: eventId,
    token_use: "id",
    auth_time: authTime,
    exp: now + lifetimes.id,
    iat: now,
    jti: newUuid(),
  };
  const accessClaims = applyOverrides({ ...groupPart }, accessOverrides?.add, accessOverrides?.suppress);
  const accessPayload = {
    sub: user.sub,
    ...accessClaims,
    ...(options.deviceKey ? { device_key: options.deviceKey } : {}),
    iss,
    client_id: client.ClientId,
    origin_jti: originJti,
    event_id: eventId,
    token_use: "access",
    scope: scopes.join(" "),
    auth_time: authTime,
    exp: now + lifetimes.access,
    iat: now,
    jti: newUuid(),
    username: user.username,
  };
  const oauth = options.oauth;
  const accessKey = signingKey(services, pool.Id, "access");
  const idKey = signingKey(services, pool.Id, "id");
  const nonce = oauth?.nonce !== undefined ? { nonce: oauth.nonce } : {};
  let AccessToken: string;
  let IdToken: string;
  if (oauth?.atHash) {
    // `at_hash` is the hash of the access token: that one is signed first.
    AccessToken = await signJwtOffThread(accessPayload, accessKey);
    IdToken = await signJwtOffThread({ ...idPayload, at_hash: atHash(AccessToken), ...nonce }, idKey);
  } else {
    // Both signatures at once, in the thread pool.
    [AccessToken, IdToken] = await Promise.all([
      signJwtOffThread(accessPayload, accessKey),
      signJwtOffThread({ ...idPayload, ...nonce }, idKey),
    ]);
  }
  // The refresh token is stored once the signatures exist.
  const tokens: IssuedTokens = { AccessToken, IdToken, ExpiresIn: lifetimes.access, TokenType: "Bearer" };
  if (options.withRefreshToken) {
    const token = newRefreshToken();
    services.store.refreshTokens.put({
      token,
      poolId: pool.Id,
      clientId: client.ClientId,
      sub: user.sub,
      originJti,
      authTime,
      expiresAt: options.refreshExpiresAt ?? now + lifetimes.refresh,
      revoked: false,
      ...(options.deviceKey ? { deviceKey: options.deviceKey } : {}),
    });
    tokens.RefreshToken = token;
  }
  return tokens;
}

export interface AccessTokenClaims {
  sub: string;
  iss: string;
  client_id: string;
  origin_jti: string;
  scope: string;
  iat: number;
  exp: number;
  username: string;
  token_use: string;
}

/**
 * Checks an access token sent to a token-authorised operation (GetUser, ChangePassword, ...):
 * signature, expiry, `token_use`, the admin scope, sign-out and revocation, and that the user exists.
 */
export function authenticateAccessToken(
  services: Services,
  token: string,
): { pool: PoolRecord; user: UserRecord; claims: AccessTokenClaims } {
  const payload = decodePayload(token);
  const iss = typeof payload?.iss === "string" ? payload.iss : "";
  const poolId = iss.slice(iss.lastIndexOf("/") + 1);
  if (!payload || !poolId || iss !== issuerOf(services, poolId))
    throw new NotAuthorizedException("Invalid Access Token");
  const pool = (() => {
    try {
      return requirePool(services, poolId);
    } catch {
      throw new NotAuthorizedException("Invalid Access Token");
    }
  })();
  let claims: AccessTokenClaims;
  try {
    claims = verifyJwt<AccessTokenClaims & { [k: string]: unknown }>(
      token,
      [signingKey(services, poolId, "access")],
      services.clock.now(),
    );
  } catch (err) {
    if (err instanceof JwtError && err.code === "expired")
      throw new NotAuthorizedException("Access Token has expired");
    throw new NotAuthorizedException("Invalid Access Token");
  }
  if (claims.token_use !== "access") throw new NotAuthorizedException("Invalid Access Token");
  if (
    !String(claims.scope ?? "")
      .split(" ")
      .includes("aws.cognito.signin.user.admin")
  ) {
    throw new NotAuthorizedException("Access Token does not have required scopes");
  }
  const user = services.store.users.getBySub(poolId, claims.sub);
  if (!user) throw new UserNotFoundException("User does not exist.");
  if (services.store.refreshTokens.isOriginRevoked(claims.origin_jti)) {
    throw new NotAuthorizedException("Access Token has been revoked");
  }
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  return { pool, user, claims };
}

/** The unverified payload, to find the pool whose key verifies it (undefined when not a JWT). */
function decodePayload(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}
