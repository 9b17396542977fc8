import type { AdminDeleteUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";

const Request = z.object({ UserPoolId: PoolId, Username }) satisfies z.ZodType<AdminDeleteUserCommandInput>;

export const AdminDeleteUser = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  services.store.refreshTokens.revokeAll(pool.Id, user.sub, services.clock.now().getTime());
  services.store.users.delete(pool.Id, user.sub);
  return {};
});
