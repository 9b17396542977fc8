import type { AdminConfirmSignUpCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { NotAuthorizedException } from "../../errors";
import { NO_CLIENT } from "../../triggers/cognito";
import { confirmUser } from "../confirm";
import { operation, PoolId, StringMap, Username } from "../operation";
import { requirePool, requireUser } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<AdminConfirmSignUpCommandInput>;

/** Confirms without a code; unlike ConfirmSignUp it verifies no attribute. */
export const AdminConfirmSignUp = operation(Request, async (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  if (user.status !== "UNCONFIRMED") {
    throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
  }
  services.store.codes.delete(pool.Id, user.sub, "signup");
  await confirmUser(services, pool, user, {
    clientId: NO_CLIENT,
    forceAliasCreation: false,
    verify: false,
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return {};
});
