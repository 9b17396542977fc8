import type { DeleteResourceServerCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { Identifier } from "./create-resource-server";
import { requireResourceServer } from "./describe-resource-server";

const Request = z.object({
  UserPoolId: PoolId,
  Identifier,
}) satisfies z.ZodType<DeleteResourceServerCommandInput>;

export const DeleteResourceServer = operation(Request, (req, services) => {
  requireResourceServer(services, req.UserPoolId, req.Identifier);
  services.store.resources.delete("resource-server", req.UserPoolId, req.Identifier);
  return {};
});
