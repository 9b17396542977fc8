import type { UpdateIdentityProviderCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, StringMap } from "../operation";
import { checkProviderDetails, ProviderName } from "./create-identity-provider";
import { requireIdentityProvider } from "./describe-identity-provider";

const Request = z.object({
  UserPoolId: PoolId,
  ProviderName,
  ProviderDetails: StringMap.optional(),
  AttributeMapping: StringMap.optional(),
  IdpIdentifiers: z.array(z.string().min(1).max(40)).max(50).optional(),
}) satisfies z.ZodType<UpdateIdentityProviderCommandInput>;

export const UpdateIdentityProvider = operation(Request, (req, services) => {
  const idp = structuredClone(requireIdentityProvider(services, req.UserPoolId, req.ProviderName));
  if (req.ProviderDetails) {
    checkProviderDetails(idp.ProviderType ?? "", req.ProviderDetails);
    idp.ProviderDetails = req.ProviderDetails;
  }
  if (req.AttributeMapping) idp.AttributeMapping = req.AttributeMapping;
  if (req.IdpIdentifiers) idp.IdpIdentifiers = req.IdpIdentifiers;
  idp.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.resources.put("idp", req.UserPoolId, req.ProviderName, idp);
  return { IdentityProvider: idp };
});
