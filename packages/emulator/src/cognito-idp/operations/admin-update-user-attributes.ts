import type { AdminUpdateUserAttributesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AttributeList, operation, PoolId, StringMap, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { toAttributeMap, updateAttributes } from "../users";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  UserAttributes: AttributeList,
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<AdminUpdateUserAttributesCommandInput>;

export const AdminUpdateUserAttributes = operation(Request, async (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  await updateAttributes(services, pool, user, toAttributeMap(req.UserAttributes), {
    admin: true,
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return {};
});
