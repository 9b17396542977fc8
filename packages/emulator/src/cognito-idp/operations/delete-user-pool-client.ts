import type { DeleteUserPoolClientCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ClientId, operation, PoolId } from "../operation";
import { requirePoolClient } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId,
}) satisfies z.ZodType<DeleteUserPoolClientCommandInput>;

export const DeleteUserPoolClient = operation(Request, (req, services) => {
  requirePoolClient(services, req.UserPoolId, req.ClientId);
  services.store.resources.delete("client", req.UserPoolId, req.ClientId);
  return {};
});
