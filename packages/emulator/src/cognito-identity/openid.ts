import type { Services } from "../cognito-idp/services";
import { generateSigningKey, jwksOf, type PublicJwk, type SigningKey } from "../crypto/jwt";

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
