import type { GlobalSignOutCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({ AccessToken: Token }) satisfies z.ZodType<GlobalSignOutCommandInput>;

/** Revokes every refresh token of the user and every access token minted from one. */
export const GlobalSignOut = operation(Request, (req, services) => {
  const { user } = authenticateAccessToken(services, req.AccessToken);
  services.store.refreshTokens.revokeAll(user.poolId, user.sub, services.clock.now().getTime());
  return {};
});
