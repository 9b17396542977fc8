/**
 * Tokens of the OAuth endpoints. User tokens come from the user-pool core's `issueTokens` (same
 * claims, keys, lifetimes and refresh-token store as InitiateAuth) with the granted OAuth scopes
 * and the two ID-token claims only the OAuth flow has, `nonce` and `at_hash`.
 * `client_credentials` tokens have no user and are minted here with the pool's access-token key.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { newUuid } from "../cognito-idp/ids";
import { issuerOf } from "../cognito-idp/pools";
import type { Services } from "../cognito-idp/services";
import { type HostedTokenRequest, mintHostedTokens } from "../cognito-idp/sign-in/finish";
import { ensureSigningKeys, tokenLifetimes } from "../cognito-idp/tokens";
import { JwtError, type SigningKey, signJwt, verifyJwt } from "../crypto/jwt";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types";
import { OAuthError } from "./errors";

const REFRESH_SCOPES_PREFIX = "hosted-ui:refresh-scopes:";

function poolKey(services: Services, poolId: string, use: "id" | "access"): SigningKey {
  ensureSigningKeys(services, poolId);
  const row = services.store.signingKeys.get(poolId, use);
  if (!row) throw new TypeError(`pool ${poolId} has no ${use} signing key`);
  return row as SigningKey;
}

const tokenKey = (refreshToken: string) =>
  REFRESH_SCOPES_PREFIX + createHash("sha256").update(refreshToken).digest("base64url");

export interface OAuthTokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: "Bearer";
  expires_in: number;
}

export type UserTokenOptions = HostedTokenRequest;

/**
 * ID + access (+ refresh) tokens for a user signed in through the hosted UI, as the OAuth token
 * endpoint answers them. The sign-in core mints them (PreTokenGeneration runs there, once).
 */
export async function mintUserTokens(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  options: UserTokenOptions,
): Promise<{ response: OAuthTokenResponse; originJti: string }> {
  const { tokens: issued, originJti } = await mintHostedTokens(services, pool, client, user, options);
  const response: OAuthTokenResponse = {
    access_token: issued.AccessToken,
    token_type: "Bearer",
    expires_in: issued.ExpiresIn,
  };
  if (options.scopes.includes("openid")) response.id_token = issued.IdToken;
  if (issued.RefreshToken) {
    response.refresh_token = issued.RefreshToken;
    const row = services.store.refreshTokens.get(issued.RefreshToken);
    services.store.sessions.put(tokenKey(issued.RefreshToken), (row?.expiresAt ?? 0) * 1000, {
      scopes: options.scopes,
    });
  }
  return { response, originJti };
}

/** The OAuth scopes a refresh token was granted with (API-issued ones carry the admin scope). */
export function refreshTokenScopes(services: Services, refreshToken: string): string[] {
  const row = services.store.sessions.get<{ scopes: string[] }>(tokenKey(refreshToken));
  return row?.data.scopes ?? ["aws.cognito.signin.user.admin"];
}

/** The access token of the client_credentials grant: the client is the subject; no ID or refresh token. */
export function mintClientCredentialsToken(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  scopes: string[],
): OAuthTokenResponse {
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const lifetime = tokenLifetimes(client).access;
  const payload = {
    sub: client.ClientId,
    token_use: "access",
    scope: scopes.join(" "),
    auth_time: now,
    iss: issuerOf(services, pool.Id),
    exp: now + lifetime,
    iat: now,
    version: 2,
    jti: newUuid(),
    client_id: client.ClientId,
  };
  return {
    access_token: signJwt(payload, poolKey(services, pool.Id, "access")),
    token_type: "Bearer",
    expires_in: lifetime,
  };
}

export interface VerifiedAccessToken {
  sub: string;
  client_id: string;
  scope: string;
  username?: string;
  origin_jti?: string;
}

const invalidToken = () =>
  new OAuthError(
    "invalid_token",
    "Access token is expired, disabled, or deleted, or the user has globally signed out.",
  );

/** Checks an access token presented to userInfo: this pool's issuer and key, unexpired, not revoked. */
export function verifyAccessToken(services: Services, pool: PoolRecord, token: string): VerifiedAccessToken {
  let claims: Record<string, unknown>;
  try {
    claims = verifyJwt(token, [poolKey(services, pool.Id, "access")], services.clock.now());
  } catch (err) {
    if (err instanceof JwtError) throw invalidToken();
    throw err;
  }
  if (claims.iss !== issuerOf(services, pool.Id) || claims.token_use !== "access") throw invalidToken();
  if (typeof claims.sub !== "string" || typeof claims.client_id !== "string") throw invalidToken();
  if (
    typeof claims.origin_jti === "string" &&
    services.store.refreshTokens.isOriginRevoked(claims.origin_jti)
  ) {
    throw invalidToken();
  }
  return {
    sub: claims.sub,
    client_id: claims.client_id,
    scope: typeof claims.scope === "string" ? claims.scope : "",
    ...(typeof claims.username === "string" ? { username: claims.username } : {}),
    ...(typeof claims.origin_jti === "string" ? { origin_jti: claims.origin_jti } : {}),
  };
}
