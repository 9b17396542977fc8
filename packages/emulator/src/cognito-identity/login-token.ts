import { decodeJwt } from "jose";
import type { Services } from "../cognito-idp/services";
import { JwtError, type PublicJwk, verifyJwt } from "../crypto/jwt";
import { NotAuthorizedException } from "./errors";

/**
 * Verifies a login token's signature and lifetime against a JWKS, refusing as Cognito does: an
 * expired token with `Token expired: <exp> >= <now>`, anything else unverifiable with `Couldn't
 * verify signed token.`
 */
export function verifyLoginToken(
  services: Services,
  token: string,
  jwks: { keys: PublicJwk[] },
): Record<string, unknown> {
  const keys = jwks.keys.map((publicJwk) => ({ kid: publicJwk.kid, publicJwk }));
  try {
    return verifyJwt(token, keys, services.clock.now());
  } catch (err) {
    if (err instanceof JwtError && err.code === "expired") {
      const exp = decodeExp(token);
      const now = Math.floor(services.clock.now().getTime() / 1000);
      throw new NotAuthorizedException(`Invalid login token. Token expired: ${exp} >= ${now}`);
    }
    throw new NotAuthorizedException("Invalid login token. Couldn't verify signed token.");
  }
}

function decodeExp(token: string): number | undefined {
  try {
    return decodeJwt(token).exp;
  } catch {
    return undefined;
  }
}
