import type { AddCustomAttributesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";
import { customAttribute } from "../schema-attributes";

const Request = z.object({
  UserPoolId: PoolId,
  CustomAttributes: z
    .array(
      z.object({
        Name: z.string().min(1).max(20).optional(),
        AttributeDataType: z.enum(["String", "Number", "DateTime", "Boolean"]).optional(),
        DeveloperOnlyAttribute: z.boolean().optional(),
        Mutable: z.boolean().optional(),
        Required: z.boolean().optional(),
        NumberAttributeConstraints: z
          .object({ MinValue: z.string().optional(), MaxValue: z.string().optional() })
          .optional(),
        StringAttributeConstraints: z
          .object({ MinLength: z.string().optional(), MaxLength: z.string().optional() })
          .optional(),
      }),
    )
    .min(1)
    .max(25),
}) satisfies z.ZodType<AddCustomAttributesCommandInput>;

/** Adds custom attributes to the pool's schema; all or none, as each is checked before any is added. */
export const AddCustomAttributes = operation(Request, (req, services) => {
  const pool = structuredClone(requirePool(services, req.UserPoolId));
  const schema = [...(pool.SchemaAttributes ?? [])];
  for (const attr of req.CustomAttributes) schema.push(customAttribute(attr, schema));
  pool.SchemaAttributes = schema;
  pool.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.putResource("pool", pool.Id, pool.Id, pool);
  return {};
});
