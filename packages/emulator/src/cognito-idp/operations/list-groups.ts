import type { ListGroupsCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, paginate } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  Limit: z.number().int().min(0).max(60).optional(),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListGroupsCommandInput>;

export const ListGroups = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  const groups = services.store.resources.list("group", req.UserPoolId);
  groups.sort((a, b) => a.GroupName.localeCompare(b.GroupName));
  const { page, next } = paginate(groups, req.Limit, req.NextToken);
  return { Groups: page, ...(next ? { NextToken: next } : {}) };
});
