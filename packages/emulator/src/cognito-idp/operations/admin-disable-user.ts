import type { AdminDisableUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser, saveUser } from "../pools";

const Request = z.object({ UserPoolId: PoolId, Username }) satisfies z.ZodType<AdminDisableUserCommandInput>;

/** A disabled user cannot sign in, refresh, or use access tokens with the user-pool API. */
export const AdminDisableUser = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  user.enabled = false;
  saveUser(services, pool, user);
  return {};
});
