import type {
  AdminAddUserToGroupCommandInput,
  AdminRemoveUserFromGroupCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import type { Services } from "../services";
import { GroupName } from "./create-group";
import { requireGroup } from "./get-group";

/** The request of AdminAddUserToGroup and AdminRemoveUserFromGroup. */
export const GroupMembershipRequest = z.object({
  UserPoolId: PoolId,
  Username,
  GroupName,
}) satisfies z.ZodType<AdminAddUserToGroupCommandInput & AdminRemoveUserFromGroupCommandInput>;

/** The pool, the group and the user a membership change names; each must exist. */
export function groupMembership(services: Services, req: z.output<typeof GroupMembershipRequest>) {
  const pool = requirePool(services, req.UserPoolId);
  requireGroup(services, req.UserPoolId, req.GroupName);
  const user = requireUser(services, pool, req.Username);
  return { pool, user };
}
