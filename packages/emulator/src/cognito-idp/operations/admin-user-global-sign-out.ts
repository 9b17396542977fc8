import type { AdminUserGlobalSignOutCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
}) satisfies z.ZodType<AdminUserGlobalSignOutCommandInput>;

export const AdminUserGlobalSignOut = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  services.store.refreshTokens.revokeAll(pool.Id, user.sub, services.clock.now().getTime());
  return {};
});
