import type { DeleteUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({ AccessToken: Token }) satisfies z.ZodType<DeleteUserCommandInput>;

export const DeleteUser = operation(Request, (req, services) => {
  const { user } = authenticateAccessToken(services, req.AccessToken);
  services.store.refreshTokens.revokeAll(user.poolId, user.sub, services.clock.now().getTime());
  services.store.users.delete(user.poolId, user.sub);
  return {};
});
