import { NotAuthorizedException } from "./errors";
import type { IdentityPoolRecord } from "./store";

/** The public providers `SupportedLoginProviders` names, by `Logins` key. */
export const SOCIAL_PROVIDERS: Readonly<Record<string, string>> = {
  "graph.facebook.com": "Facebook",
  "accounts.google.com": "Google",
  "www.amazon.com": "Login with Amazon",
  "appleid.apple.com": "Sign in with Apple",
};

/** The `Logins` key of the OpenID tokens the identity service issues itself. */
export const COGNITO_TOKEN_PROVIDER = "cognito-identity.amazonaws.com";

const OIDC_ARN = ":oidc-provider/";

/**
 * The `Logins` key of an IAM OIDC provider: its ARN's name, the issuer without `https://`
 * (`arn:aws:iam::123456789012:oidc-provider/login.example.com` → `login.example.com`).
 */
export function oidcProviderName(arn: string): string {
  const at = arn.indexOf(OIDC_ARN);
  return at < 0 ? arn : arn.slice(at + OIDC_ARN.length);
}

export const notValidProvider = (provider: string) =>
  new NotAuthorizedException(`Invalid login token. Not a valid provider for this identity pool: ${provider}`);

const offline = (provider: string, kind: string) =>
  new NotAuthorizedException(
    `Invalid login token. ${provider} is configured for this identity pool, but ${kind} logins are not supported by the local emulator: it cannot verify their tokens offline.`,
  );

/**
 * The refusal of a login that is neither a user pool's nor a Cognito token: a provider the pool
 * does not name is not valid for it; a configured public, OIDC or SAML provider (whose tokens only
 * that provider can vouch for) is not supported offline; the developer provider only logs in
 * through GetOpenIdTokenForDeveloperIdentity.
 */
export function externalLoginRefusal(pool: IdentityPoolRecord, provider: string): NotAuthorizedException {
  if (pool.DeveloperProviderName !== undefined && provider === pool.DeveloperProviderName) {
    return new NotAuthorizedException(
      `Invalid login token. ${provider} is the developer provider of this identity pool: get a token for the user with GetOpenIdTokenForDeveloperIdentity and log in with ${COGNITO_TOKEN_PROVIDER}.`,
    );
  }
  if (pool.SupportedLoginProviders && Object.hasOwn(pool.SupportedLoginProviders, provider)) {
    return offline(provider, SOCIAL_PROVIDERS[provider] ?? provider);
  }
  if ((pool.OpenIdConnectProviderARNs ?? []).some((arn) => oidcProviderName(arn) === provider)) {
    return offline(provider, "OpenID Connect provider");
  }
  if ((pool.SamlProviderARNs ?? []).includes(provider)) return offline(provider, "SAML provider");
  return notValidProvider(provider);
}
