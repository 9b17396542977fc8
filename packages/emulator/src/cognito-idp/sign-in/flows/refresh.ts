/** REFRESH_TOKEN_AUTH (and its old name REFRESH_TOKEN): new ID and access tokens, no new refresh token. */
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import type { Services } from "../../services";
import { issueTokens } from "../../tokens";
import { checkSecretHash } from "../../users";
import { API_REFRESH_PROBLEMS, redeemableRefreshToken, rotationOf } from "../refresh-token";
import { preTokenGeneration } from "../triggers";
import type { AuthContext, SignInOutcome } from "../types";

export async function refreshFlow(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<SignInOutcome> {
  const token = params.REFRESH_TOKEN;
  if (!token) throw new InvalidParameterException("Missing required parameter REFRESH_TOKEN");
  // AWS: "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token
  // rotation enabled"; such clients refresh with GetTokensFromRefreshToken.
  if (rotationOf(ctx.client).enabled) {
    throw new InvalidParameterException(
      "REFRESH_TOKEN_AUTH is not supported for app clients with refresh token rotation enabled; use GetTokensFromRefreshToken.",
    );
  }
  const { row, user } = redeemableRefreshToken(
    services,
    ctx.pool,
    ctx.client,
    token,
    API_REFRESH_PROBLEMS,
    params.DEVICE_KEY,
  );
  if (ctx.client.ClientSecret) {
    // The hash is over the internal username, or over the USERNAME the client sends with the token.
    const names = [user.username, params.USERNAME].filter((n): n is string => typeof n === "string");
    const given = params.SECRET_HASH;
    if (!given) {
      throw new NotAuthorizedException(
        `Client ${ctx.client.ClientId} is configured for secret but secret was not received`,
      );
    }
    const ok = names.some((n) => {
      try {
        checkSecretHash(ctx.client, n, given);
        return true;
      } catch {
        return false;
      }
    });
    if (!ok)
      throw new NotAuthorizedException(`SecretHash does not match for the client: ${ctx.client.ClientId}`);
  }
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  const overrides = await preTokenGeneration(services, ctx, user, "TokenGeneration_RefreshTokens");
  const tokens = await issueTokens(services, ctx.pool, ctx.client, user, {
    authTime: row.authTime,
    originJti: row.originJti,
    withRefreshToken: false,
    ...(overrides ? { overrides } : {}),
    ...(row.deviceKey ? { deviceKey: row.deviceKey } : {}),
  });
  return { kind: "tokens", tokens };
}
