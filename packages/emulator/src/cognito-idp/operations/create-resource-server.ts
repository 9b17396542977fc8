import type { CreateResourceServerCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import type { ResourceServerRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";

export const Identifier = z
  .string()
  .min(1)
  .max(256)
  .regex(
    /^[\x21\x23-\x5B\x5D-\x7E]+$/,
    "Member must satisfy regular expression pattern: [\\x21\\x23-\\x5B\\x5D-\\x7E]+",
  );
export const Scopes = z
  .array(
    z.object({
      ScopeName: z
        .string()
        .min(1)
        .max(256)
        .regex(/^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/),
      ScopeDescription: z.string().min(1).max(256),
    }),
  )
  .max(100)
  .optional();

const Request = z.object({
  UserPoolId: PoolId,
  Identifier,
  Name: z.string().min(1).max(256),
  Scopes,
}) satisfies z.ZodType<CreateResourceServerCommandInput>;

export const CreateResourceServer = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  if (services.store.resources.get("resource-server", req.UserPoolId, req.Identifier)) {
    throw new InvalidParameterException(`${req.Identifier} already exists in user pool ${req.UserPoolId}.`);
  }
  const server: ResourceServerRecord = {
    UserPoolId: req.UserPoolId,
    Identifier: req.Identifier,
    Name: req.Name,
    Scopes: req.Scopes ?? [],
  };
  services.store.resources.put("resource-server", req.UserPoolId, req.Identifier, server);
  return { ResourceServer: server };
});
