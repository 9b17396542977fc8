import type { UpdateResourceServerCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { Identifier, Scopes } from "./create-resource-server";
import { requireResourceServer } from "./describe-resource-server";

const Request = z.object({
  UserPoolId: PoolId,
  Identifier,
  Name: z.string().min(1).max(256),
  Scopes,
}) satisfies z.ZodType<UpdateResourceServerCommandInput>;

export const UpdateResourceServer = operation(Request, (req, services) => {
  const server = structuredClone(requireResourceServer(services, req.UserPoolId, req.Identifier));
  server.Name = req.Name;
  server.Scopes = req.Scopes ?? [];
  services.store.resources.put("resource-server", req.UserPoolId, req.Identifier, server);
  return { ResourceServer: server };
});
