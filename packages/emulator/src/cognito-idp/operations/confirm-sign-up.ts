import type { ConfirmSignUpCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { CodeMismatchException, NotAuthorizedException, UserNotFoundException } from "../../errors";
import { confirmUser } from "../confirm";
import { ClientId, operation, StringMap, Username } from "../operation";
import { findUser, requireClient } from "../pools";
import { checkSecretHash, consumeCode, preventsUserExistenceErrors } from "../users";

const Request = z.object({
  ClientId,
  SecretHash: z.string().min(1).optional(),
  Username,
  ConfirmationCode: z.string().min(1).max(2048),
  ForceAliasCreation: z.boolean().optional(),
  ClientMetadata: StringMap.optional(),
  Session: z.string().optional(),
}) satisfies z.ZodType<ConfirmSignUpCommandInput>;

export const ConfirmSignUp = operation(Request, async (req, services) => {
  const { client, pool } = requireClient(services, req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = findUser(services, pool, req.Username);
  if (!user) {
    if (preventsUserExistenceErrors(client)) {
      throw new CodeMismatchException("Invalid verification code provided, please try again.");
    }
    throw new UserNotFoundException("Username/client id combination not found.");
  }
  if (user.status !== "UNCONFIRMED") {
    throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
  }
  consumeCode(services, user, "signup", req.ConfirmationCode);
  await confirmUser(services, pool, user, {
    clientId: client.ClientId,
    forceAliasCreation: req.ForceAliasCreation ?? false,
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return {};
});
