import type { Context } from "hono";
import type { Services } from "../../cognito-idp/services";
import { authenticateClient } from "../client-auth";
import type { HostedDomain } from "../domain";
import { OAuthError } from "../errors";
import { formBody } from "../respond";

/**
 * `POST /oauth2/revoke` (RFC 7009): revokes a refresh token and the access tokens minted from it.
 * Unknown or already revoked tokens also answer 200, so a caller learns nothing about them.
 */
export function revoke(services: Services) {
  return async (c: Context, hd: HostedDomain): Promise<Response> => {
    const body = await formBody(c);
    const token = body.token;
    if (!token) throw new OAuthError("invalid_request", "token is required.");
    const client = authenticateClient(services, c, hd, body);
    if (client.EnableTokenRevocation === false) {
      throw new OAuthError("invalid_request", "Token revocation is not enabled for this client.");
    }
    if (token.split(".").length === 3) {
      throw new OAuthError("unsupported_token_type", "Only refresh tokens can be revoked.");
    }
    const row = services.store.refreshTokens.get(token);
    if (row && row.poolId === hd.pool.Id && row.clientId === client.ClientId && !row.revoked) {
      services.store.refreshTokens.revoke(token, row.originJti, services.clock.now().getTime());
    }
    return c.body(null, 200, { "cache-control": "no-store" });
  };
}
