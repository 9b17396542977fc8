/** REFRESH_TOKEN_AUTH (and its old name REFRESH_TOKEN): new ID and access tokens, no new refresh token. */
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import type { Services } from "../../services";
import { issueTokens } from "../../tokens";
import { checkSecretHash } from "../../users";
import { preTokenGeneration } from "../triggers";
import type { AuthContext, SignInOutcome } from "../types";

export async function refreshFlow(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<SignInOutcome> {
  const token = params.REFRESH_TOKEN;
  if (!token) throw new InvalidParameterException("Missing required parameter REFRESH_TOKEN");
  const row = services.store.refreshTokens.get(token);
  if (!row || row.clientId !== ctx.client.ClientId || row.poolId !== ctx.pool.Id) {
    throw new NotAuthorizedException("Invalid Refresh Token");
  }
  if (row.revoked) throw new NotAuthorizedException("Refresh Token has been revoked");
  if (row.expiresAt * 1000 < services.clock.now().getTime())
    throw new NotAuthorizedException("Refresh Token has expired");
  const user = services.store.users.getBySub(ctx.pool.Id, row.sub);
  if (!user) throw new NotAuthorizedException("User does not exist.");
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
  });
  return { kind: "tokens", tokens };
}
