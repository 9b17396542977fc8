import type { ListUserPoolClientsCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, paginate } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  MaxResults: z.number().int().min(1).max(60).optional(),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListUserPoolClientsCommandInput>;

export const ListUserPoolClients = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  const clients = services.store.resources.list("client", req.UserPoolId);
  const { page, next } = paginate(clients, req.MaxResults, req.NextToken);
  return {
    UserPoolClients: page.map((c) => ({
      ClientId: c.ClientId,
      UserPoolId: c.UserPoolId,
      ClientName: c.ClientName,
    })),
    ...(next ? { NextToken: next } : {}),
  };
});
