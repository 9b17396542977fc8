import type { ListIdentityPoolsCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { operation } from "../operation";
import { page } from "../paging";
import { identityStoreOf } from "../store";

const Request = z.object({
  MaxResults: z.number().int().min(1).max(60),
  NextToken: z.string().min(1).max(65535).optional(),
}) satisfies z.ZodType<ListIdentityPoolsCommandInput>;

export const ListIdentityPools = operation(Request, (req, services) => {
  const { items, NextToken } = page(
    identityStoreOf(services.store).listPools(),
    req.MaxResults,
    req.NextToken,
  );
  return {
    IdentityPools: items.map((p) => ({
      IdentityPoolId: p.IdentityPoolId,
      IdentityPoolName: p.IdentityPoolName,
    })),
    ...(NextToken ? { NextToken } : {}),
  };
});
