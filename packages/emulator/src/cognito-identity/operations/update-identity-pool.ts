import type { UpdateIdentityPoolCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { requireIdentityPool } from "../identities";
import { IdentityPoolId, operation, PoolConfig } from "../operation";
import { type IdentityPoolRecord, identityStoreOf } from "../store";

const Request = z.object({
  IdentityPoolId,
  ...PoolConfig,
}) satisfies z.ZodType<UpdateIdentityPoolCommandInput>;

/** Replaces the pool's configuration (members left out are cleared, as on AWS). */
export const UpdateIdentityPool = operation(Request, (req, services) => {
  const { roles } = requireIdentityPool(services, req.IdentityPoolId);
  const pool: IdentityPoolRecord = { ...req };
  identityStoreOf(services.store).putPool(pool, roles);
  return pool;
});
