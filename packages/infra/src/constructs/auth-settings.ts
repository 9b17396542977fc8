/**
 * The user pool's fixed settings: password policy, token lifetimes and rotation per stage, the API
 * scopes, the IdP attribute mappings and their provider-filled details, the groups. The `Auth`
 * construct (`auth.ts`) builds the resources from them.
 */
import type { StageConfig } from "../config";

/** The seed's password policy. */
export const passwordPolicy = {
  minimumLength: 12,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
} as const;

/**
 * The clients' token lifetimes, from the stage (`tokens`): access and ID tokens in minutes (one
 * hour on AWS; access tokens 5 minutes locally, so that refresh is exercised), refresh tokens in days.
 */
export function tokenValidity(tokens: StageConfig["tokens"]) {
  return {
    accessTokenValidity: tokens.accessTokenMinutes,
    idTokenValidity: tokens.idTokenMinutes,
    refreshTokenValidity: tokens.refreshTokenDays,
    tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
  };
}

/** The web and mobile clients' `refresh_token_rotation` block, when the stage sets one. */
export function refreshTokenRotation(tokens: StageConfig["tokens"]) {
  const r = tokens.refreshTokenRotation;
  if (!r) return {};
  return {
    refreshTokenRotation: [
      {
        feature: r.enabled ? "ENABLED" : "DISABLED",
        ...(r.retryGracePeriodSeconds !== undefined
          ? { retryGracePeriodSeconds: r.retryGracePeriodSeconds }
          : {}),
      },
    ],
  };
}

/** The API's resource server and its scopes (`api/read`, `api/write`). */
export const resourceServer = { identifier: "api", scopes: ["read", "write"] } as const;
export const apiScopes = resourceServer.scopes.map((s) => `${resourceServer.identifier}/${s}`);

/** Standard OIDC scopes the web client asks for, plus the user-pool API scope for the account pages. */
export const webScopes = [
  "openid",
  "email",
  "profile",
  "phone",
  "aws.cognito.signin.user.admin",
  ...apiScopes,
];
export const mobileScopes = webScopes;

/** Identity-provider attributes → user-pool attributes (email, name, picture; username = the IdP's subject). */
export const attributeMappings = {
  Google: { email: "email", name: "name", picture: "picture", username: "sub" },
  Facebook: { email: "email", name: "name", picture: "picture", username: "id" },
  SignInWithApple: { email: "email", name: "name", username: "sub" },
  OIDC: { email: "email", name: "name", picture: "picture", username: "sub" },
  SAML: {
    email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    picture: "picture",
  },
} as const;

/**
 * `provider_details` keys AWS fills in itself (discovered endpoints, defaults) or never returns
 * (Apple's private key): without `ignore_changes` on them every plan after a deploy shows an update
 * (terraform-provider-aws issue 4831). Keys the stage sets stay tracked.
 */
export const providerFilledDetails = {
  Google: [
    "attributes_url",
    "attributes_url_add_attributes",
    "authorize_url",
    "oidc_issuer",
    "token_request_method",
    "token_url",
  ],
  Facebook: [
    "attributes_url",
    "attributes_url_add_attributes",
    "authorize_url",
    "token_request_method",
    "token_url",
  ],
  // private_key is write-only: rotate it with `terraform apply -replace` (docs/deploy.md).
  SignInWithApple: [
    "attributes_url_add_attributes",
    "authorize_url",
    "oidc_issuer",
    "private_key",
    "token_request_method",
    "token_url",
  ],
  OIDC: ["attributes_url", "attributes_url_add_attributes", "authorize_url", "jwks_uri", "token_url"],
  SAML: ["ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"],
} as const;

/** `lifecycle.ignore_changes` entries for one provider type: `provider_details["<key>"]`. */
export function ignoredDetails(type: keyof typeof providerFilledDetails): string[] {
  return providerFilledDetails[type].map((k) => `provider_details["${k}"]`);
}

export const groups = {
  admins: { precedence: 0, description: "Administrators: admin API routes and the admin identity role" },
  users: { precedence: 10, description: "Every confirmed user (added by the post-confirmation trigger)" },
} as const;
