import type { AddCustomAttributesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { SchemaAttribute } from "../pool-settings";
import { requirePool } from "../pools";
import { customAttribute } from "../schema-attributes";

const Request = z.object({
  UserPoolId: PoolId,
  CustomAttributes: z.array(SchemaAttribute).min(1).max(25),
}) satisfies z.ZodType<AddCustomAttributesCommandInput>;

/** Adds custom attributes to the pool's schema; all or none, as each is checked before any is added. */
export const AddCustomAttributes = operation(Request, (req, services) => {
  const pool = structuredClone(requirePool(services, req.UserPoolId));
  const schema = [...(pool.SchemaAttributes ?? [])];
  for (const attr of req.CustomAttributes) schema.push(customAttribute(attr, schema));
  pool.SchemaAttributes = schema;
  pool.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.resources.put("pool", pool.Id, pool.Id, pool);
  return {};
});
