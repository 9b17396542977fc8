import type { ListResourceServersCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, paginate } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  MaxResults: z.number().int().min(1).max(50),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListResourceServersCommandInput>;

export const ListResourceServers = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  const servers = services.store.resources.list("resource-server", req.UserPoolId);
  const { page, next } = paginate(servers, req.MaxResults, req.NextToken);
  return { ResourceServers: page, ...(next ? { NextToken: next } : {}) };
});
