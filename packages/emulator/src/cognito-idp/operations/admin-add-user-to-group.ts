import type { AdminAddUserToGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { GroupName } from "./create-group";
import { requireGroup } from "./get-group";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  GroupName,
}) satisfies z.ZodType<AdminAddUserToGroupCommandInput>;

export const AdminAddUserToGroup = operation(Request, (req, services) => {
  requireGroup(services, req.UserPoolId, req.GroupName);
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  services.store.groupMembers.add(req.UserPoolId, req.GroupName, user.sub);
  return {};
});
