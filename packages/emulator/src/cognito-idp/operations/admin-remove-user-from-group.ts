import type { AdminRemoveUserFromGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { GroupName } from "./create-group";
import { requireGroup } from "./get-group";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  GroupName,
}) satisfies z.ZodType<AdminRemoveUserFromGroupCommandInput>;

export const AdminRemoveUserFromGroup = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  requireGroup(services, req.UserPoolId, req.GroupName);
  const user = requireUser(services, pool, req.Username);
  services.store.groupMembers.remove(req.UserPoolId, req.GroupName, user.sub);
  return {};
});
