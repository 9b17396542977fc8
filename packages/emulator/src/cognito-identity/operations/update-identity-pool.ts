import type { UpdateIdentityPoolCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { InvalidParameterException } from "../errors";
import { requireIdentityPool } from "../identities";
import { IdentityPoolId, operation, PoolConfig } from "../operation";
import { type IdentityPoolRecord, identityStoreOf } from "../store";

const Request = z.object({
  IdentityPoolId,
  ...PoolConfig,
}) satisfies z.ZodType<UpdateIdentityPoolCommandInput>;

/**
 * Replaces the pool's configuration (members left out are cleared, as on AWS), except the developer
 * provider name: "Once you have set a developer provider name, you cannot change it" (API reference,
 * CreateIdentityPool). An update that leaves it out keeps it; one that names another is refused.
 */
export const UpdateIdentityPool = operation(Request, (req, services) => {
  const { pool: current, roles } = requireIdentityPool(services, req.IdentityPoolId);
  const developer = current.DeveloperProviderName;
  if (
    developer !== undefined &&
    req.DeveloperProviderName !== undefined &&
    req.DeveloperProviderName !== developer
  ) {
    throw new InvalidParameterException(
      `The developer provider name of this identity pool is ${developer}; once set, it cannot be changed.`,
    );
  }
  const pool: IdentityPoolRecord = {
    ...req,
    ...(developer !== undefined ? { DeveloperProviderName: developer } : {}),
  };
  identityStoreOf(services.store).putPool(pool, roles);
  return pool;
});
