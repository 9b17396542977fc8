import { decodeJwt } from "jose";
import type { Services } from "../cognito-idp/services";
import { poolJwks } from "../cognito-idp/tokens";
import { JwtError, verifyJwt } from "../crypto/jwt";
import { NotAuthorizedException } from "./errors";
import type { IdentityPoolRecord } from "./store";

/** A login that passed verification: which provider, who, and the token's claims. */
export interface VerifiedLogin {
  /** `cognito-idp.{region}.amazonaws.com/{poolId}`. */
  provider: string;
  userPoolId: string;
  /** The app client the token was issued to (`aud`). */
  clientId: string;
  /** The user's `sub`. */
  subject: string;
  claims: Record<string, unknown>;
  /** The identity-store key of this login. */
  key: string;
}

const PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

/**
 * Verifies every entry of a `Logins` map against the identity pool: the provider must be one of the
 * pool's user pools, the ID token signed by that pool's key, issued by it, unexpired, a `token_use`
 * of `id`, with an `aud` among the pool's bound clients; with `ServerSideTokenCheck` the user must
 * still exist, be enabled and not be signed out.
 */
export function verifyLogins(
  services: Services,
  pool: IdentityPoolRecord,
  logins: Record<string, string> | undefined,
): VerifiedLogin[] {
  const out: VerifiedLogin[] = [];
  for (const [provider, token] of Object.entries(logins ?? {})) {
    const bound = (pool.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === provider);
    const m = PROVIDER.exec(provider);
    if (bound.length === 0 || !m) {
      throw new NotAuthorizedException(
        `Invalid login token. Not a valid provider for this identity pool: ${provider}`,
      );
    }
    const [, region, userPoolId] = m as unknown as [string, string, string];
    if (!services.store.resources.get("pool", userPoolId, userPoolId)) {
      throw new NotAuthorizedException("Invalid login token. Couldn't verify signed token.");
    }
    const keys = poolJwks(services, userPoolId).keys.map((publicJwk) => ({ kid: publicJwk.kid, publicJwk }));
    let claims: Record<string, unknown>;
    try {
      claims = verifyJwt(token, keys, services.clock.now());
    } catch (err) {
      if (err instanceof JwtError && err.code === "expired") {
        const exp = decodeExp(token);
        const now = Math.floor(services.clock.now().getTime() / 1000);
        throw new NotAuthorizedException(`Invalid login token. Token expired: ${exp} >= ${now}`);
      }
      throw new NotAuthorizedException("Invalid login token. Couldn't verify signed token.");
    }
    if (claims.iss !== `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`) {
      throw new NotAuthorizedException("Invalid login token. Issuer doesn't match providerName");
    }
    if (claims.token_use !== "id") {
      throw new NotAuthorizedException("Invalid login token. Not a valid OpenId Connect identity token.");
    }
    const aud = typeof claims.aud === "string" ? claims.aud : "";
    const client = bound.find((p) => p.ClientId === aud);
    if (!client) {
      throw new NotAuthorizedException("Invalid login token. Incorrect token audience.");
    }
    const subject = typeof claims.sub === "string" ? claims.sub : "";
    if (!subject) throw new NotAuthorizedException("Invalid login token. Couldn't verify signed token.");
    if (client.ServerSideTokenCheck) {
      const user = services.store.users.getBySub(userPoolId, subject);
      const origin = typeof claims.origin_jti === "string" ? claims.origin_jti : "";
      if (!user?.enabled || (origin && services.store.refreshTokens.isOriginRevoked(origin))) {
        throw new NotAuthorizedException("Invalid login token. Token is not valid for this user.");
      }
    }
    out.push({ provider, userPoolId, clientId: aud, subject, claims, key: `${provider}|${subject}` });
  }
  return out;
}

function decodeExp(token: string): number | undefined {
  try {
    return decodeJwt(token).exp;
  } catch {
    return undefined;
  }
}
