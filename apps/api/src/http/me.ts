import type { MeResponse, Profile } from "@repo/api-contract";
import { type AccessTokenClaims, groupsOf, scopesOf } from "@repo/auth-shared/claims";

/** The body of `GET /me`: who the token says the caller is, and their profile record. */
export function meBody(claims: AccessTokenClaims, profile: Profile | undefined): MeResponse {
  return {
    sub: claims.sub,
    username: claims.username,
    clientId: claims.client_id,
    scopes: [...scopesOf(claims)],
    groups: groupsOf(claims),
    authTime: claims.auth_time,
    tokenExpiresAt: claims.exp,
    profile: profile ?? null,
  };
}
