import type { ListIdentityProvidersCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, paginate } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  MaxResults: z.number().int().min(1).max(60).optional(),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListIdentityProvidersCommandInput>;

export const ListIdentityProviders = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  const idps = services.store.resources.list("idp", req.UserPoolId);
  const { page, next } = paginate(idps, req.MaxResults, req.NextToken);
  return {
    Providers: page.map((p) => ({
      ProviderName: p.ProviderName,
      ProviderType: p.ProviderType,
      CreationDate: p.CreationDate,
      LastModifiedDate: p.LastModifiedDate,
    })),
    ...(next ? { NextToken: next } : {}),
  };
});
