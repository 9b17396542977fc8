import type { AdminSetUserPasswordCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser, saveUser } from "../pools";
import { setPassword } from "../users";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  Password: z.string().min(1).max(256),
  Permanent: z.boolean().optional(),
}) satisfies z.ZodType<AdminSetUserPasswordCommandInput>;

export const AdminSetUserPassword = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  const permanent = req.Permanent === true;
  setPassword(pool, user, req.Password, { temporary: !permanent, now: services.clock.now().getTime() });
  user.status = permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
  user.failedAttempts = 0;
  saveUser(services, pool, user);
  return {};
});
