import type { ForgotPasswordCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException, NotAuthorizedException, UserNotFoundException } from "../../errors";
import { AnalyticsMetadata, ClientId, operation, StringMap, Username } from "../operation";
import { findUser, maskDestination, requireClient } from "../pools";
import {
  checkSecretHash,
  deliverCode,
  HOUR_MS,
  issueCode,
  preventsUserExistenceErrors,
  recoveryTarget,
} from "../users";
import { migrateUser } from "../users/migrate";

const Request = z.object({
  ClientId,
  SecretHash: z.string().min(1).optional(),
  UserContextData: z
    .object({ IpAddress: z.string().optional(), EncodedData: z.string().optional() })
    .optional(),
  Username,
  AnalyticsMetadata,
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<ForgotPasswordCommandInput>;

export const ForgotPassword = operation(Request, async (req, services) => {
  const { client, pool } = requireClient(services, req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  let user = findUser(services, pool, req.Username);
  if (!user) {
    try {
      user = await migrateUser(services, {
        pool,
        client,
        username: req.Username,
        ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
      });
    } catch (err) {
      if (!(err instanceof UserNotFoundException) || !preventsUserExistenceErrors(client)) throw err;
    }
  }
  if (!user) {
    if (preventsUserExistenceErrors(client)) {
      // Simulated delivery, so the response does not reveal whether the user exists.
      const looksLikePhone = req.Username.startsWith("+");
      return {
        CodeDeliveryDetails: {
          Destination: maskDestination(
            looksLikePhone
              ? req.Username
              : req.Username.includes("@")
                ? req.Username
                : `${req.Username}@example.com`,
          ),
          DeliveryMedium: looksLikePhone ? "SMS" : "EMAIL",
          AttributeName: looksLikePhone ? "phone_number" : "email",
        },
      };
    }
    throw new UserNotFoundException("Username/client id combination not found.");
  }
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  const target = recoveryTarget(pool, user);
  if (!target) {
    throw new InvalidParameterException(
      "Cannot reset password for the user as there is no registered/verified email or phone_number",
    );
  }
  const code = issueCode(services, user, "forgot", HOUR_MS);
  await deliverCode(services, pool, user, {
    kind: "ForgotPassword",
    medium: target.DeliveryMedium,
    code,
    clientId: client.ClientId,
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return { CodeDeliveryDetails: target };
});
