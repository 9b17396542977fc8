import type { AdminEnableUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser, saveUser } from "../pools";

const Request = z.object({ UserPoolId: PoolId, Username }) satisfies z.ZodType<AdminEnableUserCommandInput>;

export const AdminEnableUser = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  user.enabled = true;
  saveUser(services, pool, user);
  return {};
});
