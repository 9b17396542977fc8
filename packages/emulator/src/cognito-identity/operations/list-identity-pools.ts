import type { ListIdentityPoolsCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { InvalidParameterException } from "../errors";
import { operation } from "../operation";
import { identityStoreOf } from "../store";

const Request = z.object({
  MaxResults: z.number().int().min(1).max(60),
  NextToken: z.string().min(1).max(65535).optional(),
}) satisfies z.ZodType<ListIdentityPoolsCommandInput>;

export const ListIdentityPools = operation(Request, (req, services) => {
  const pools = identityStoreOf(services.store).listPools();
  let start = 0;
  if (req.NextToken) {
    const m = /^n:(\d+)$/.exec(Buffer.from(req.NextToken, "base64url").toString("utf8"));
    if (!m) throw new InvalidParameterException("Invalid pagination token.");
    start = Number(m[1]);
  }
  const end = start + req.MaxResults;
  return {
    IdentityPools: pools
      .slice(start, end)
      .map((p) => ({ IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName })),
    ...(end < pools.length ? { NextToken: Buffer.from(`n:${end}`).toString("base64url") } : {}),
  };
});
