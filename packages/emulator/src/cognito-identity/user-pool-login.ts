import type { Services } from "../cognito-idp/services";
import { poolJwks } from "../cognito-idp/tokens";
import { NotAuthorizedException } from "./errors";
import { verifyLoginToken } from "./login-token";
import type { VerifiedLogin } from "./logins";
import { notValidProvider } from "./providers";
import type { IdentityPoolRecord } from "./store";

const PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

/** Is this `Logins` key a user pool's (`cognito-idp.{region}.amazonaws.com/{userPoolId}`)? */
export const isUserPoolProvider = (provider: string): boolean => PROVIDER.test(provider);

/**
 * Verifies one user-pool login: the provider must be one of the identity pool's user pools, the ID
 * token signed by that pool's key, issued by it, unexpired, a `token_use` of `id`, with an `aud`
 * among the pool's bound clients; with `ServerSideTokenCheck` the user must still exist, be enabled
 * and not be signed out.
 */
export function verifyUserPoolLogin(
  services: Services,
  pool: IdentityPoolRecord,
  provider: string,
  token: string,
): VerifiedLogin {
  const bound = (pool.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === provider);
  const m = PROVIDER.exec(provider);
  if (bound.length === 0 || !m) {
    throw notValidProvider(provider);
  }
  const [, region, userPoolId] = m as unknown as [string, string, string];
  if (!services.store.resources.get("pool", userPoolId, userPoolId)) {
    throw new NotAuthorizedException("Invalid login token. Couldn't verify signed token.");
  }
  const claims = verifyLoginToken(services, token, poolJwks(services, userPoolId));
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
  return {
    provider,
    userPoolId,
    clientId: aud,
    subject,
    claims,
    key: `${provider}|${subject}`,
    amr: [provider, `${provider}:CognitoSignIn:${subject}`],
  };
}
