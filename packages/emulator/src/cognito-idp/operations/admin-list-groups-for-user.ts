import type { AdminListGroupsForUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import type { GroupRecord } from "../../store/types";
import { operation, PoolId, paginate, Username } from "../operation";
import { requirePool, requireUser } from "../pools";

const Request = z.object({
  Username,
  UserPoolId: PoolId,
  Limit: z.number().int().min(0).max(60).optional(),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<AdminListGroupsForUserCommandInput>;

export const AdminListGroupsForUser = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  const groups = services.store.groupMembers
    .groupsOf(pool.Id, user.sub)
    .map((name) => services.store.resources.get("group", pool.Id, name))
    .filter((g): g is GroupRecord => g !== undefined);
  const { page, next } = paginate(groups, req.Limit, req.NextToken);
  return { Groups: page, ...(next ? { NextToken: next } : {}) };
});
