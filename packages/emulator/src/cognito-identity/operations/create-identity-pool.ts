import { randomUUID } from "node:crypto";
import type { CreateIdentityPoolCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { operation, PoolConfig } from "../operation";
import { type IdentityPoolRecord, identityStoreOf } from "../store";

const Request = z.object(PoolConfig) satisfies z.ZodType<CreateIdentityPoolCommandInput>;

export function newIdentityPool(region: string, req: z.output<typeof Request>): IdentityPoolRecord {
  return { IdentityPoolId: `${region}:${randomUUID()}`, ...req };
}

/** The pool lives in the region the request was signed for, as on AWS; unsigned calls get the default. */
export const CreateIdentityPool = operation(Request, (req, services, request) => {
  const pool = newIdentityPool(request.signingRegion ?? services.region, req);
  identityStoreOf(services.store).putPool(pool, { Roles: {}, RoleMappings: {} });
  return pool;
});
