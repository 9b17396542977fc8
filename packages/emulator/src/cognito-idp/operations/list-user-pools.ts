import type { ListUserPoolsCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, paginate } from "../operation";

const Request = z.object({
  MaxResults: z.number().int().min(1).max(60),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListUserPoolsCommandInput>;

export const ListUserPools = operation(Request, (req, services) => {
  const pools = services.store.resources.list("pool", null);
  const { page, next } = paginate(pools, req.MaxResults, req.NextToken);
  return {
    UserPools: page.map((p) => ({
      Id: p.Id,
      Name: p.Name,
      LambdaConfig: p.LambdaConfig ?? {},
      Status: "Enabled",
      CreationDate: p.CreationDate,
      LastModifiedDate: p.LastModifiedDate,
    })),
    ...(next ? { NextToken: next } : {}),
  };
});
