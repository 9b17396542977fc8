import type { DeleteUserAttributesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";
import { deleteAttributes } from "../users";

const Request = z.object({
  UserAttributeNames: z.array(z.string().min(1).max(32)),
  AccessToken: Token,
}) satisfies z.ZodType<DeleteUserAttributesCommandInput>;

/** The signed-in user removes attributes of their own, within the app client's WriteAttributes. */
export const DeleteUserAttributes = operation(Request, (req, services) => {
  const { pool, user, claims } = authenticateAccessToken(services, req.AccessToken);
  const client = services.store.resources.get("client", pool.Id, claims.client_id);
  deleteAttributes(services, pool, user, req.UserAttributeNames, {
    admin: false,
    ...(client ? { client } : {}),
  });
  return {};
});
