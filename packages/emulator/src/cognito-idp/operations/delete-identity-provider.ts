import type { DeleteIdentityProviderCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { ProviderName } from "./create-identity-provider";
import { requireIdentityProvider } from "./describe-identity-provider";

const Request = z.object({
  UserPoolId: PoolId,
  ProviderName,
}) satisfies z.ZodType<DeleteIdentityProviderCommandInput>;

export const DeleteIdentityProvider = operation(Request, (req, services) => {
  requireIdentityProvider(services, req.UserPoolId, req.ProviderName);
  services.store.resources.delete("idp", req.UserPoolId, req.ProviderName);
  return {};
});
