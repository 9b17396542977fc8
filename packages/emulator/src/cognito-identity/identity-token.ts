import type { Services } from "../cognito-idp/services";
import { NotAuthorizedException } from "./errors";
import { verifyLoginToken } from "./login-token";
import type { VerifiedLogin } from "./logins";
import { identityJwks, OPENID_ISSUER } from "./openid";
import { COGNITO_TOKEN_PROVIDER } from "./providers";
import type { IdentityPoolRecord } from "./store";

/**
 * A `cognito-identity.amazonaws.com` login: an OpenID token this service issued
 * (GetOpenIdTokenForDeveloperIdentity, GetOpenIdToken) to an authenticated identity of this pool.
 * It proves that identity (`sub`) and carries its `amr`; it links no new login.
 */
export function verifyCognitoToken(
  services: Services,
  pool: IdentityPoolRecord,
  token: string,
): VerifiedLogin {
  const claims = verifyLoginToken(services, token, identityJwks(services));
  if (claims.iss !== OPENID_ISSUER) {
    throw new NotAuthorizedException("Invalid login token. Issuer doesn't match providerName");
  }
  if (claims.aud !== pool.IdentityPoolId) {
    throw new NotAuthorizedException("Invalid login token. Incorrect token audience.");
  }
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  if (!subject || !amr.includes("authenticated")) {
    throw new NotAuthorizedException("Invalid login token. Not the token of an authenticated identity.");
  }
  return {
    provider: COGNITO_TOKEN_PROVIDER,
    userPoolId: "",
    clientId: "",
    subject,
    claims,
    amr: amr.filter((a) => a !== "authenticated"),
    identityId: subject,
  };
}
