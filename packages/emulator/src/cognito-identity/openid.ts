import type { Services } from "../cognito-idp/services";
import { generateSigningKey, jwksOf, type PublicJwk, type SigningKey, signJwt } from "../crypto/jwt";

export const OPENID_ISSUER = "https://cognito-identity.amazonaws.com";
/** The key row under which the identity service's own signing key is kept. */
const KEY_OWNER = "cognito-identity.amazonaws.com";

/** The key GetOpenIdToken signs with (created once, kept in the store). */
export function identitySigningKey(services: Services): SigningKey {
  let row = services.store.signingKeys.get(KEY_OWNER, "id");
  if (!row) {
    services.store.signingKeys.put(KEY_OWNER, "id", generateSigningKey());
    row = services.store.signingKeys.get(KEY_OWNER, "id");
  }
  return row as SigningKey;
}

/** The JWKS of GetOpenIdToken's tokens (AWS: `https://cognito-identity.amazonaws.com/.well-known/jwks_uri`). */
export function identityJwks(services: Services): { keys: PublicJwk[] } {
  return jwksOf([identitySigningKey(services)]);
}

/**
 * An OpenID token for an identity, as GetOpenIdToken and GetOpenIdTokenForDeveloperIdentity issue
 * it: `iss` the identity service, `aud` the pool, `sub` the identity, its `amr`, the pool's ARN.
 */
export function signOpenIdToken(
  services: Services,
  token: {
    poolId: string;
    identityId: string;
    amr: string[];
    seconds: number;
    extra?: Record<string, unknown>;
  },
): string {
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const region = token.poolId.slice(0, token.poolId.indexOf(":"));
  return signJwt(
    {
      sub: token.identityId,
      aud: token.poolId,
      amr: token.amr,
      "https://cognito-identity.amazonaws.com/identity-pool-arn": `arn:aws:cognito-identity:${region}:${services.accountId}:identitypool/${token.poolId}`,
      ...token.extra,
      iss: OPENID_ISSUER,
      exp: now + token.seconds,
      iat: now,
    },
    identitySigningKey(services),
  );
}
