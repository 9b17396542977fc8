import type { ListUsersInGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import type { UserRecord } from "../../store/types";
import { operation, PoolId, paginate } from "../operation";
import { userType } from "../users";
import { GroupName } from "./create-group";
import { requireGroup } from "./get-group";

const Request = z.object({
  UserPoolId: PoolId,
  GroupName,
  Limit: z.number().int().min(0).max(60).optional(),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListUsersInGroupCommandInput>;

export const ListUsersInGroup = operation(Request, (req, services) => {
  requireGroup(services, req.UserPoolId, req.GroupName);
  const users = services.store.groupMembers
    .membersOf(req.UserPoolId, req.GroupName)
    .map((sub) => services.store.users.getBySub(req.UserPoolId, sub))
    .filter((u): u is UserRecord => u !== undefined);
  const { page, next } = paginate(users, req.Limit, req.NextToken);
  return { Users: page.map((u) => userType(u)), ...(next ? { NextToken: next } : {}) };
});
