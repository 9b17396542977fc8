/**
 * The emulator as a relying party to a pool's OIDC-style identity providers (OIDC, and Google when
 * its `ProviderDetails.oidc_issuer` points at a reachable provider such as the local stand-in):
 * discovery, authorization code + PKCE + nonce, the ID token and userInfo claims, through openid-client.
 *
 * @module
 */
import * as oidc from "openid-client";
import type { IdentityProviderRecord } from "../../store/types";
import { OAuthError } from "../errors";
import { providerIssuer } from "./stand-ins";

const configs = new Map<string, Promise<oidc.Configuration>>();

export interface ProviderEndpoint {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

/**
 * Where and how to reach the provider (`invalid_request` for providers this emulator cannot use).
 * `standInOrigin` is where the emulator serves its local OpenID providers (`stand-ins.ts`).
 */
export function providerEndpoint(idp: IdentityProviderRecord, standInOrigin?: string): ProviderEndpoint {
  const details = idp.ProviderDetails ?? {};
  const type = idp.ProviderType;
  if (type === "SAML") {
    throw new OAuthError(
      "invalid_request",
      "Sign-in through SAML providers is not supported by this emulator: its local identity providers speak OpenID Connect only.",
    );
  }
  if (type !== "OIDC" && type !== "Google") {
    throw new OAuthError(
      "invalid_request",
      `Sign-in through ${type} providers is not supported by this emulator yet.`,
    );
  }
  const issuer = providerIssuer(idp, standInOrigin);
  if (!issuer) {
    throw new OAuthError(
      "invalid_request",
      `Identity provider ${idp.ProviderName} has no oidc_issuer; offline, point it at a local OpenID provider.`,
    );
  }
  const scope = (details.authorize_scopes ?? "openid").split(/[\s,]+/).filter((s) => s.length > 0);
  if (!scope.includes("openid")) scope.unshift("openid");
  return {
    issuer,
    clientId: details.client_id ?? "",
    clientSecret: details.client_secret ?? "",
    scope: scope.join(" "),
  };
}

/** The provider's openid-client configuration (discovered once per issuer and client). */
export function providerConfig(endpoint: ProviderEndpoint): Promise<oidc.Configuration> {
  const key = `${endpoint.issuer} ${endpoint.clientId}`;
  let config = configs.get(key);
  if (!config) {
    const insecure = endpoint.issuer.startsWith("http://");
    config = oidc
      .discovery(
        new URL(endpoint.issuer),
        endpoint.clientId,
        undefined,
        oidc.ClientSecretBasic(endpoint.clientSecret),
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        configs.delete(key);
        throw new OAuthError(
          "server_error",
          `The identity provider at ${endpoint.issuer} could not be reached.`,
          {
            status: 500,
            cause: err,
          },
        );
      });
    configs.set(key, config);
  }
  return config;
}

export interface ProviderRequest {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** The authorization request to send the browser to. */
export async function providerAuthorization(
  endpoint: ProviderEndpoint,
  redirectUri: string,
): Promise<ProviderRequest> {
  const config = await providerConfig(endpoint);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: endpoint.scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  return { url: url.toString(), state, nonce, verifier };
}

/** Exchanges the provider's code and returns its claims (ID token merged with userInfo). */
export async function providerClaims(
  endpoint: ProviderEndpoint,
  callbackUrl: URL,
  expected: { state: string; nonce: string; verifier: string },
): Promise<Record<string, unknown>> {
  const config = await providerConfig(endpoint);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.verifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw new OAuthError("invalid_request", "The identity provider's response could not be validated.", {
      cause: err,
    });
  }
  const idClaims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
  const sub = String(idClaims.sub ?? "");
  let info: Record<string, unknown> = {};
  try {
    info = await oidc.fetchUserInfo(config, tokens.access_token, sub);
  } catch {
    info = {};
  }
  return { ...info, ...idClaims };
}
