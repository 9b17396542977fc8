import type { UpdateUserPoolCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { applySettings, checkMfaSettings, type PoolInternals, PoolSettings } from "../pool-settings";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  PoolName: z.string().min(1).max(128).optional(),
  ...PoolSettings,
}) satisfies z.ZodType<UpdateUserPoolCommandInput>;

export const UpdateUserPool = operation(Request, (req, services) => {
  const pool: ReturnType<typeof requirePool> & PoolInternals = structuredClone(
    requirePool(services, req.UserPoolId),
  );
  checkMfaSettings(
    req.MfaConfiguration,
    req.SmsConfiguration !== undefined,
    pool.SoftwareTokenMfaEnabled === true,
  );
  applySettings(pool, req);
  if (req.PoolName) pool.Name = req.PoolName;
  pool.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.resources.put("pool", pool.Id, pool.Id, pool);
  return {};
});
