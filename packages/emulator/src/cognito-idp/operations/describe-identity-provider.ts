import type { DescribeIdentityProviderCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ResourceNotFoundException } from "../../errors";
import type { IdentityProviderRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";
import type { Services } from "../services";
import { ProviderName } from "./create-identity-provider";

const Request = z.object({
  UserPoolId: PoolId,
  ProviderName,
}) satisfies z.ZodType<DescribeIdentityProviderCommandInput>;

export function requireIdentityProvider(
  services: Services,
  poolId: string,
  name: string,
): IdentityProviderRecord {
  requirePool(services, poolId);
  const idp = services.store.resources.get("idp", poolId, name);
  if (!idp) throw new ResourceNotFoundException(`Identity provider ${name} does not exist.`);
  return idp;
}

export const DescribeIdentityProvider = operation(Request, (req, services) => ({
  IdentityProvider: requireIdentityProvider(services, req.UserPoolId, req.ProviderName),
}));
