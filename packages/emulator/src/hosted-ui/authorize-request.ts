/**
 * The parameters `/oauth2/authorize` takes, validated once and carried unchanged through the pages
 * (`/login`, `/signup`, MFA ...) in their query strings, as Cognito's hosted UI does.
 *
 * @module
 */
import { z } from "zod";
import type { Services } from "../cognito-idp/services";
import type { ClientRecord } from "../store/types";
import { clientOfPool, type HostedDomain } from "./domain";
import { OAuthError, RedirectMismatchError } from "./errors";

const Param = z.string().max(4096).optional();

/** The query of `/oauth2/authorize` (and of every page reached from it). */
export const AuthorizeQuery = z.object({
  response_type: Param,
  client_id: Param,
  redirect_uri: Param,
  state: Param,
  scope: Param,
  nonce: Param,
  code_challenge: Param,
  code_challenge_method: Param,
  identity_provider: Param,
  idp_identifier: Param,
  prompt: Param,
});
export type AuthorizeQuery = z.output<typeof AuthorizeQuery>;

export const OIDC_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"];

export interface AuthorizeRequest {
  query: AuthorizeQuery;
  client: ClientRecord;
  redirectUri: string;
  state?: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256";
  /** `prompt=login`: ask for the password even within a session. */
  forceLogin: boolean;
  /** `prompt=none`: never show a page. */
  noPrompt: boolean;
  /** A federated provider to go straight to (`identity_provider` / `idp_identifier`). */
  identityProvider?: string;
}

/** Keeps the query as it was sent (known keys only), to pass on to the next page. */
export function queryString(query: AuthorizeQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === "string") params.set(k, v);
  return params.toString();
}

const PKCE_CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** `client_id` and `redirect_uri`: any failure here is shown as a page, never redirected. */
export function trustedClient(
  services: Services,
  hd: HostedDomain,
  query: AuthorizeQuery,
): { client: ClientRecord; redirectUri: string } {
  if (!query.client_id) throw new RedirectMismatchError("client_id is required.");
  const client = clientOfPool(services, hd.pool, query.client_id);
  if (!client) throw new RedirectMismatchError("The client_id is not a client of this user pool.");
  const redirectUri = query.redirect_uri;
  if (!redirectUri) throw new RedirectMismatchError("redirect_uri is required.");
  if (!(client.CallbackURLs ?? []).includes(redirectUri)) {
    throw new RedirectMismatchError("redirect_mismatch: the redirect_uri is not registered for this client.");
  }
  return { client, redirectUri };
}

function findIdentityProvider(
  services: Services,
  hd: HostedDomain,
  client: ClientRecord,
  query: AuthorizeQuery,
): string | undefined {
  const supported = client.SupportedIdentityProviders ?? [];
  if (query.identity_provider) {
    if (query.identity_provider === "COGNITO") return undefined;
    if (!supported.includes(query.identity_provider)) {
      throw new OAuthError(
        "invalid_request",
        `identity_provider ${query.identity_provider} is not enabled for this client.`,
      );
    }
    return query.identity_provider;
  }
  if (query.idp_identifier) {
    const idps = services.store.resources.list("idp", hd.pool.Id);
    const match = idps.find(
      (p) =>
        supported.includes(p.ProviderName) && (p.IdpIdentifiers ?? []).includes(query.idp_identifier ?? ""),
    );
    if (!match) throw new OAuthError("invalid_request", "No identity provider matches idp_identifier.");
    return match.ProviderName;
  }
  return undefined;
}

/**
 * Validates an authorize request as Cognito does. Errors after the redirect_uri is trusted carry
 * it, so the caller sends them back to the client with `error` and `state`.
 */
export function validateAuthorize(services: Services, hd: HostedDomain, raw: unknown): AuthorizeRequest {
  const parsed = AuthorizeQuery.safeParse(raw);
  if (!parsed.success) throw new RedirectMismatchError("The request has malformed parameters.");
  const query = parsed.data;
  const { client, redirectUri } = trustedClient(services, hd, query);
  try {
    return validateTrusted(services, hd, query, client, redirectUri);
  } catch (err) {
    if (err instanceof OAuthError && err.allowRedirect) {
      err.redirectUri = redirectUri;
      if (query.state !== undefined) err.state = query.state;
    }
    throw err;
  }
}

function validateTrusted(
  services: Services,
  hd: HostedDomain,
  query: AuthorizeQuery,
  client: ClientRecord,
  redirectUri: string,
): AuthorizeRequest {
  if (!query.response_type) throw new OAuthError("invalid_request", "response_type is required.");
  if (query.response_type !== "code") {
    throw new OAuthError(
      "unsupported_response_type",
      query.response_type === "token"
        ? "The implicit grant (response_type=token) is not supported by this emulator yet."
        : `response_type ${query.response_type} is not supported.`,
    );
  }
  const flows = client.AllowedOAuthFlows ?? [];
  if (!client.AllowedOAuthFlowsUserPoolClient || !flows.includes("code")) {
    throw new OAuthError(
      "unauthorized_client",
      "The client is not allowed to use the authorization code grant.",
    );
  }
  const allowed = client.AllowedOAuthScopes ?? [];
  const requested = (query.scope ?? "").split(" ").filter((s) => s.length > 0);
  const scopes = requested.length > 0 ? [...new Set(requested)] : allowed;
  const refused = scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0) {
    throw new OAuthError("invalid_scope", `Scope not allowed for this client: ${refused.join(" ")}`);
  }
  const needOpenid = scopes.filter((s) => ["email", "phone", "profile"].includes(s));
  if (needOpenid.length > 0 && !scopes.includes("openid")) {
    throw new OAuthError("invalid_scope", `${needOpenid.join(" ")} requires the openid scope.`);
  }

  const method = query.code_challenge_method;
  const challenge = query.code_challenge;
  // Amazon Cognito supports S256 only (RFC 7636 also defines `plain`).
  if (method !== undefined && method !== "S256") {
    throw new OAuthError("invalid_request", "code_challenge_method must be S256.");
  }
  if (method !== undefined && challenge === undefined) {
    throw new OAuthError("invalid_request", "code_challenge is required with code_challenge_method.");
  }
  if (challenge !== undefined && method === undefined) {
    throw new OAuthError("invalid_request", "code_challenge_method is required with code_challenge.");
  }
  if (challenge !== undefined && !PKCE_CHALLENGE.test(challenge)) {
    throw new OAuthError("invalid_request", "code_challenge is malformed.");
  }
  // Cognito makes PKCE optional for every client; strict mode requires it where there is no secret.
  if (challenge === undefined && !client.ClientSecret && services.strict?.pkce) {
    throw new OAuthError(
      "invalid_request",
      "PKCE (code_challenge) is required for a client without a secret (strict mode: EMULATOR_STRICT=pkce).",
    );
  }

  const prompts = (query.prompt ?? "").split(" ").filter((p) => p.length > 0);
  const identityProvider = findIdentityProvider(services, hd, client, query);
  return {
    query,
    client,
    redirectUri,
    ...(query.state !== undefined ? { state: query.state } : {}),
    scopes,
    ...(query.nonce !== undefined ? { nonce: query.nonce } : {}),
    ...(challenge !== undefined && method !== undefined
      ? { codeChallenge: challenge, codeChallengeMethod: method }
      : {}),
    forceLogin: prompts.includes("login"),
    noPrompt: prompts.includes("none"),
    ...(identityProvider ? { identityProvider } : {}),
  };
}

/** `redirect_uri` with `params` added to its query (existing query parameters kept). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}
