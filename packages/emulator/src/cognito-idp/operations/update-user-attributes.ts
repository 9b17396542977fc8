import type { UpdateUserAttributesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AttributeList, operation, StringMap, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";
import { toAttributeMap, updateAttributes } from "../users";

const Request = z.object({
  UserAttributes: AttributeList,
  AccessToken: Token,
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<UpdateUserAttributesCommandInput>;

export const UpdateUserAttributes = operation(Request, async (req, services) => {
  const { pool, user, claims } = authenticateAccessToken(services, req.AccessToken);
  const client = services.store.resources.get("client", pool.Id, claims.client_id);
  const sent = await updateAttributes(services, pool, user, toAttributeMap(req.UserAttributes), {
    admin: false,
    ...(client ? { client } : {}),
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return sent.length > 0 ? { CodeDeliveryDetailsList: sent } : {};
});
