import type { DeleteIdentityPoolCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { ResourceNotFoundException } from "../errors";
import { IdentityPoolId, operation } from "../operation";
import { identityStoreOf } from "../store";

const Request = z.object({ IdentityPoolId }) satisfies z.ZodType<DeleteIdentityPoolCommandInput>;

export const DeleteIdentityPool = operation(Request, (req, services) => {
  if (!identityStoreOf(services.store).deletePool(req.IdentityPoolId)) {
    throw new ResourceNotFoundException(`IdentityPool '${req.IdentityPoolId}' not found.`);
  }
  return {};
});
