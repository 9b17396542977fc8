import type { CreateUserPoolClientCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import type { ClientRecord } from "../../store/types";
import { applyClientSettings, ClientSettings } from "../client-settings";
import { newClientId, newClientSecret } from "../ids";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  ClientName: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w\s+=,.@-]+$/, "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+"),
  GenerateSecret: z.boolean().optional(),
  ...ClientSettings,
}) satisfies z.ZodType<CreateUserPoolClientCommandInput>;

export const CreateUserPoolClient = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const client: ClientRecord = {
    UserPoolId: pool.Id,
    ClientName: req.ClientName,
    ClientId: newClientId(),
    ...(req.GenerateSecret ? { ClientSecret: newClientSecret() } : {}),
    CreationDate: now,
    LastModifiedDate: now,
  };
  applyClientSettings(services, client, req);
  services.store.resources.put("client", pool.Id, client.ClientId, client);
  return { UserPoolClient: client };
});
