import type { ConfirmForgotPasswordCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { CodeMismatchException, UserNotFoundException } from "../../errors";
import { runTrigger, triggerAttributes } from "../../triggers/cognito";
import { AnalyticsMetadata, ClientId, operation, StringMap, Username } from "../operation";
import { checkPasswordPolicy, findUser, requireClient, saveUser } from "../pools";
import { checkCompromisedPassword } from "../threat/protection";
import { checkSecretHash, consumeCode, preventsUserExistenceErrors, setPassword } from "../users";

const Request = z.object({
  ClientId,
  SecretHash: z.string().min(1).optional(),
  Username,
  ConfirmationCode: z.string().min(1).max(2048),
  Password: z.string().min(1).max(256),
  AnalyticsMetadata,
  UserContextData: z
    .object({ IpAddress: z.string().optional(), EncodedData: z.string().optional() })
    .optional(),
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<ConfirmForgotPasswordCommandInput>;

export const ConfirmForgotPassword = operation(Request, async (req, services) => {
  const { client, pool } = requireClient(services, req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = findUser(services, pool, req.Username);
  if (!user) {
    if (preventsUserExistenceErrors(client)) {
      throw new CodeMismatchException("Invalid verification code provided, please try again.");
    }
    throw new UserNotFoundException("Username/client id combination not found.");
  }
  // The policy is checked first so a refused password does not use up the code.
  checkPasswordPolicy(pool, req.Password);
  checkCompromisedPassword(services, pool, client.ClientId, "PASSWORD_CHANGE", req.Password);
  consumeCode(services, user, "forgot", req.ConfirmationCode);
  setPassword(pool, user, req.Password, { temporary: false, now: services.clock.now().getTime() });
  if (user.status === "RESET_REQUIRED" || user.status === "FORCE_CHANGE_PASSWORD") user.status = "CONFIRMED";
  user.failedAttempts = 0;
  saveUser(services, pool, user);
  await runTrigger(services, pool, "PostConfirmation", {
    triggerSource: "PostConfirmation_ConfirmForgotPassword",
    userName: user.username,
    clientId: client.ClientId,
    request: { userAttributes: triggerAttributes(user), clientMetadata: req.ClientMetadata ?? {} },
  });
  return {};
});
