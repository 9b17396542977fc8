import type { ResendConfirmationCodeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException, UserNotFoundException } from "../../errors";
import { AnalyticsMetadata, ClientId, operation, StringMap, Username } from "../operation";
import { findUser, maskDestination, requireClient } from "../pools";
import {
  checkSecretHash,
  confirmationTarget,
  DAY_MS,
  deliverCode,
  issueCode,
  preventsUserExistenceErrors,
} from "../users";

const Request = z.object({
  ClientId,
  SecretHash: z.string().min(1).optional(),
  Username,
  ClientMetadata: StringMap.optional(),
  AnalyticsMetadata,
  UserContextData: z
    .object({ IpAddress: z.string().optional(), EncodedData: z.string().optional() })
    .optional(),
}) satisfies z.ZodType<ResendConfirmationCodeCommandInput>;

export const ResendConfirmationCode = operation(Request, async (req, services) => {
  const { client, pool } = requireClient(services, req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  const user = findUser(services, pool, req.Username);
  if (!user) {
    if (preventsUserExistenceErrors(client)) {
      return {
        CodeDeliveryDetails: {
          Destination: maskDestination(req.Username.includes("@") ? req.Username : "x@x"),
          DeliveryMedium: "EMAIL",
          AttributeName: "email",
        },
      };
    }
    throw new UserNotFoundException("Username/client id combination not found.");
  }
  if (user.status !== "UNCONFIRMED") throw new InvalidParameterException("User is already confirmed.");
  const target = confirmationTarget(pool, user);
  if (!target) throw new InvalidParameterException("Auto verification not turned on.");
  const code = issueCode(services, user, "signup", DAY_MS);
  await deliverCode(services, pool, user, {
    kind: "ResendCode",
    medium: target.DeliveryMedium,
    code,
    clientId: client.ClientId,
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return { CodeDeliveryDetails: target };
});
