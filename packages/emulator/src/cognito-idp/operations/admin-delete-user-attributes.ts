import type { AdminDeleteUserAttributesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { deleteAttributes } from "../users";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  UserAttributeNames: z.array(z.string().min(1).max(32)),
}) satisfies z.ZodType<AdminDeleteUserAttributesCommandInput>;

export const AdminDeleteUserAttributes = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  deleteAttributes(services, pool, user, req.UserAttributeNames, { admin: true });
  return {};
});
