import type { GetIdentityProviderByIdentifierCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ResourceNotFoundException } from "../../errors";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  IdpIdentifier: z.string().min(1).max(40),
}) satisfies z.ZodType<GetIdentityProviderByIdentifierCommandInput>;

export const GetIdentityProviderByIdentifier = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  const idp = services.store.resources
    .list("idp", req.UserPoolId)
    .find((p) => (p.IdpIdentifiers ?? []).includes(req.IdpIdentifier));
  if (!idp)
    throw new ResourceNotFoundException(
      `Identity provider with identifier ${req.IdpIdentifier} does not exist.`,
    );
  return { IdentityProvider: idp };
});
