import { createHmac, randomUUID, sign } from "node:crypto";
import type { AccessTokenClaims, IdTokenClaims } from "../claims";
import { issuerOf } from "../config";
import type { SigningKey } from "./keys";

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** Signs a JWT with RS256 exactly as Cognito does (`{"kid","alg":"RS256"}` header). */
export function signJwt(
  payload: object,
  key: SigningKey,
  header: object = { kid: key.kid, alg: "RS256" },
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign("sha256", Buffer.from(input), key.privateKey))}`;
}

/** An unsigned JWT (`alg: none`), for rejection tests. */
export function unsignedJwt(payload: object, kid: string): string {
  return `${b64url(JSON.stringify({ kid, alg: "none" }))}.${b64url(JSON.stringify(payload))}.`;
}

/** A JWT signed HS256 with the given secret (the classic key-confusion attack uses the public key). */
export function hs256Jwt(payload: object, kid: string, secret: string | Buffer): string {
  const input = `${b64url(JSON.stringify({ kid, alg: "HS256" }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(createHmac("sha256", secret).update(input).digest())}`;
}

export interface TokenContext {
  userPoolId: string;
  clientId: string;
  /** Epoch seconds used as `iat`/`auth_time`; defaults to now. */
  now?: number;
  /** Token validity in seconds; defaults to Cognito's 3600. */
  validitySeconds?: number;
}

export interface UserClaims {
  sub?: string;
  username?: string;
  groups?: string[];
  email?: string;
  attributes?: Record<string, string | boolean>;
}

/** Claims of a Cognito access token for an API-initiated sign-in (COGNITO-REFERENCE §4.2). */
export function accessTokenClaims(
  ctx: TokenContext,
  user: UserClaims = {},
  overrides: Partial<AccessTokenClaims> = {},
): AccessTokenClaims {
  const now = ctx.now ?? Math.floor(Date.now() / 1000);
  const sub = user.sub ?? randomUUID();
  const jti = randomUUID();
  return {
    sub,
    ...(user.groups?.length ? { "cognito:groups": user.groups } : {}),
    iss: issuerOf(ctx.userPoolId),
    client_id: ctx.clientId,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    token_use: "access",
    scope: "aws.cognito.signin.user.admin",
    auth_time: now,
    exp: now + (ctx.validitySeconds ?? 3600),
    iat: now,
    jti,
    username: user.username ?? sub,
    version: 2,
    ...overrides,
  };
}

/** Claims of a Cognito ID token (COGNITO-REFERENCE §4.2). */
export function idTokenClaims(
  ctx: TokenContext,
  user: UserClaims = {},
  overrides: Partial<IdTokenClaims> = {},
): IdTokenClaims {
  const now = ctx.now ?? Math.floor(Date.now() / 1000);
  const sub = user.sub ?? randomUUID();
  return {
    sub,
    ...(user.groups?.length ? { "cognito:groups": user.groups } : {}),
    email_verified: true,
    iss: issuerOf(ctx.userPoolId),
    "cognito:username": user.username ?? sub,
    origin_jti: randomUUID(),
    aud: ctx.clientId,
    event_id: randomUUID(),
    token_use: "id",
    auth_time: now,
    exp: now + (ctx.validitySeconds ?? 3600),
    iat: now,
    jti: randomUUID(),
    ...(user.email ? { email: user.email } : {}),
    ...(user.attributes ?? {}),
    ...overrides,
  };
}

/** Claims of a `client_credentials` access token: `sub` is the client, no `username`. */
export function clientCredentialsClaims(ctx: TokenContext, scopes: string[]): AccessTokenClaims {
  const now = ctx.now ?? Math.floor(Date.now() / 1000);
  return {
    sub: ctx.clientId,
    token_use: "access",
    scope: scopes.join(" "),
    auth_time: now,
    iss: issuerOf(ctx.userPoolId),
    exp: now + (ctx.validitySeconds ?? 3600),
    iat: now,
    version: 2,
    jti: randomUUID(),
    client_id: ctx.clientId,
  };
}
