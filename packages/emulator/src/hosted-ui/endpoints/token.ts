import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import {
  type RefreshTokenProblems,
  redeemableRefreshToken,
  retireRotatedToken,
  rotationOf,
} from "../../cognito-idp/sign-in/refresh-token";
import type { ClientRecord } from "../../store/types";
import { OIDC_SCOPES } from "../authorize-request";
import { authenticateClient } from "../client-auth";
import { type CodeGrant, findCode, updateCode } from "../codes";
import type { HostedDomain } from "../domain";
import { OAuthError } from "../errors";
import { formBody, jsonNoStore } from "../respond";
import { mintClientCredentialsToken, mintUserTokens, refreshTokenScopes } from "../tokens";

const Field = z.string().min(1).max(4096);
const AuthorizationCodeGrant = z.object({
  code: Field,
  redirect_uri: Field,
  code_verifier: Field.optional(),
});
/** `device_key`: a refresh token tied to a remembered device refreshes only with it. */
const RefreshTokenGrant = z.object({ refresh_token: Field, device_key: Field.optional() });
const ClientCredentialsGrant = z.object({ scope: z.string().max(4096).optional() });

function parse<S extends z.ZodType>(schema: S, body: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
  throw new OAuthError("invalid_request", `Missing or malformed parameter: ${names}`);
}

const invalidGrant = (description: string) => new OAuthError("invalid_grant", description);
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 7636 §4.6. */
function checkPkce(grant: CodeGrant, verifier: string | undefined): void {
  if (!grant.codeChallenge) return;
  if (!verifier) throw invalidGrant("code_verifier is required: the authorization request used PKCE.");
  if (!VERIFIER.test(verifier)) throw invalidGrant("code_verifier is malformed.");
  const computed = createHash("sha256").update(verifier).digest("base64url");
  if (!sameText(computed, grant.codeChallenge))
    throw invalidGrant("code_verifier does not match the code_challenge.");
}

function revokeIssued(services: Services, grant: CodeGrant): void {
  const token = grant.issued?.refreshToken;
  if (token && grant.issued) {
    services.store.refreshTokens.revoke(token, grant.issued.originJti, services.clock.now().getTime());
  }
}

async function authorizationCode(
  services: Services,
  hd: HostedDomain,
  client: ClientRecord,
  body: Record<string, string>,
) {
  const req = parse(AuthorizationCodeGrant, body);
  const grant = findCode(services, req.code);
  if (!grant || grant.poolId !== hd.pool.Id) throw invalidGrant("Invalid authorization code.");
  if (grant.used) {
    // A replayed code: refuse it and revoke what it was exchanged for (RFC 6749 §4.1.2). When the
    // first exchange is still minting, it is marked and revokes its own tokens once they exist.
    if (grant.issued) revokeIssued(services, grant);
    else updateCode(services, req.code, { ...grant, replayed: true });
    throw invalidGrant("The authorization code has already been used.");
  }
  if (grant.expiresAt <= services.clock.now().getTime())
    throw invalidGrant("The authorization code has expired.");
  if (grant.clientId !== client.ClientId)
    throw invalidGrant("The authorization code was issued to another client.");
  if (grant.redirectUri !== req.redirect_uri)
    throw invalidGrant("redirect_uri does not match the authorization request.");
  checkPkce(grant, req.code_verifier);
  grant.used = true;
  updateCode(services, req.code, grant);
  const user = services.store.users.getBySub(hd.pool.Id, grant.sub);
  if (!user?.enabled) throw invalidGrant("The user is disabled or no longer exists.");
  const { response, originJti } = await mintUserTokens(services, hd.pool, client, user, {
    scopes: grant.scopes,
    authTime: grant.authTime,
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
  });
  // Re-read: a replay may have arrived while the tokens were being minted.
  const current = findCode(services, req.code) ?? grant;
  current.issued = { originJti, ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}) };
  updateCode(services, req.code, current);
  if (current.replayed) revokeIssued(services, current);
  return response;
}

async function refreshToken(
  services: Services,
  hd: HostedDomain,
  client: ClientRecord,
  body: Record<string, string>,
) {
  const req = parse(RefreshTokenGrant, body);
  const problems: RefreshTokenProblems = {
    invalid: () => invalidGrant("Invalid refresh token."),
    revoked: () => invalidGrant("Refresh token has been revoked."),
    expired: () => invalidGrant("Refresh token has expired."),
    reused: () => invalidGrant("Refresh token has been invalidated by refresh token rotation."),
    disabled: () => invalidGrant("The user is disabled or no longer exists."),
  };
  const { row, user } = redeemableRefreshToken(
    services,
    hd.pool,
    client,
    req.refresh_token,
    problems,
    req.device_key,
  );
  if (!user.enabled) throw problems.disabled();
  // With rotation on, the grant returns a new refresh token too, as on AWS.
  const rotate = rotationOf(client).enabled;
  if (rotate) retireRotatedToken(services, client, row, problems);
  const { response } = await mintUserTokens(services, hd.pool, client, user, {
    scopes: refreshTokenScopes(services, req.refresh_token),
    authTime: row.authTime,
    refresh: {
      originJti: row.originJti,
      ...(rotate ? { rotateUntil: row.expiresAt } : {}),
      ...(row.deviceKey ? { deviceKey: row.deviceKey } : {}),
    },
  });
  return response;
}

function clientCredentials(
  services: Services,
  hd: HostedDomain,
  client: ClientRecord,
  body: Record<string, string>,
) {
  const req = parse(ClientCredentialsGrant, body);
  if (
    !client.AllowedOAuthFlowsUserPoolClient ||
    !(client.AllowedOAuthFlows ?? []).includes("client_credentials")
  ) {
    throw new OAuthError(
      "unauthorized_client",
      "The client is not allowed to use the client_credentials grant.",
    );
  }
  const custom = (client.AllowedOAuthScopes ?? []).filter((s) => !OIDC_SCOPES.includes(s));
  const requested = (req.scope ?? "").split(" ").filter((s) => s.length > 0);
  const scopes = requested.length > 0 ? [...new Set(requested)] : custom;
  const refused = scopes.filter((s) => !custom.includes(s));
  if (refused.length > 0) throw new OAuthError("invalid_scope", `Scope not allowed: ${refused.join(" ")}`);
  if (scopes.length === 0) throw new OAuthError("invalid_scope", "The client has no resource-server scope.");
  return mintClientCredentialsToken(services, hd.pool, client, scopes);
}

/** `POST /oauth2/token`. */
export function token(services: Services) {
  return async (c: Context, hd: HostedDomain): Promise<Response> => {
    const body = await formBody(c);
    const grantType = body.grant_type;
    if (!grantType) throw new OAuthError("invalid_request", "grant_type is required.");
    const handlers = {
      authorization_code: authorizationCode,
      refresh_token: refreshToken,
      client_credentials: clientCredentials,
    } as const;
    if (!(grantType in handlers)) {
      throw new OAuthError("unsupported_grant_type", `grant_type ${grantType} is not supported.`);
    }
    const client = authenticateClient(services, c, hd, body);
    const handler = handlers[grantType as keyof typeof handlers];
    return jsonNoStore(c, await handler(services, hd, client, body));
  };
}
