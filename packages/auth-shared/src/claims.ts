/** Claims present in every Cognito user-pool token (COGNITO-REFERENCE §4.2). */
interface CommonClaims {
  sub: string;
  iss: string;
  exp: number;
  iat: number;
  auth_time: number;
  jti: string;
  origin_jti?: string;
  event_id?: string;
  "cognito:groups"?: string[];
  [claim: string]: unknown;
}

/** A verified Cognito access token. `client_credentials` tokens carry no `username`. */
export interface AccessTokenClaims extends CommonClaims {
  token_use: "access";
  client_id: string;
  scope?: string;
  username?: string;
  version?: number;
  device_key?: string;
}

/** A verified Cognito ID token. */
export interface IdTokenClaims extends CommonClaims {
  token_use: "id";
  aud: string;
  "cognito:username": string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  name?: string;
  nonce?: string;
  at_hash?: string;
  identities?: Array<{ userId: string; providerName: string; providerType: string; primary: string }>;
  [claim: `custom:${string}`]: string | undefined;
}

/** The scopes of an access token, as a set. */
export function scopesOf(claims: Pick<AccessTokenClaims, "scope">): Set<string> {
  return new Set((claims.scope ?? "").split(" ").filter(Boolean));
}

/** The groups of a token (`cognito:groups`), empty when the user is in none. */
export function groupsOf(claims: { "cognito:groups"?: unknown }): string[] {
  const groups = claims["cognito:groups"];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [];
}

/** True for a machine-to-machine token issued by the `client_credentials` grant. */
export function isClientCredentialsToken(claims: AccessTokenClaims): boolean {
  return claims.username === undefined && claims.sub === claims.client_id;
}
