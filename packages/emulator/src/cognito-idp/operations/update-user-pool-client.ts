import type { UpdateUserPoolClientCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { applyClientSettings, ClientSettings } from "../client-settings";
import { ClientId, operation, PoolId } from "../operation";
import { requirePoolClient } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId,
  ClientName: z.string().min(1).max(128).optional(),
  ...ClientSettings,
}) satisfies z.ZodType<UpdateUserPoolClientCommandInput>;

/** A full replace, as on AWS: settings left out go back to their defaults. */
export const UpdateUserPoolClient = operation(Request, (req, services) => {
  const client = structuredClone(requirePoolClient(services, req.UserPoolId, req.ClientId));
  applyClientSettings(services, client, req, "updating");
  if (req.ClientName) client.ClientName = req.ClientName;
  client.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.resources.put("client", client.UserPoolId, client.ClientId, client);
  return { UserPoolClient: client };
});
