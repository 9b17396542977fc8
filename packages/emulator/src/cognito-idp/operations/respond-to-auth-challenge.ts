import type { RespondToAuthChallengeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AnalyticsMetadata, ClientId, operation, StringMap } from "../operation";
import { requireClient } from "../pools";
import { respondToChallenge, toAuthResult } from "../sign-in";
import { signalsFor } from "../threat/signals";

export const ChallengeNameSchema = z.enum([
  "SMS_MFA",
  "EMAIL_OTP",
  "SOFTWARE_TOKEN_MFA",
  "SELECT_MFA_TYPE",
  "MFA_SETUP",
  "PASSWORD_VERIFIER",
  "CUSTOM_CHALLENGE",
  "SELECT_CHALLENGE",
  "DEVICE_SRP_AUTH",
  "DEVICE_PASSWORD_VERIFIER",
  "ADMIN_NO_SRP_AUTH",
  "NEW_PASSWORD_REQUIRED",
  "SMS_OTP",
  "PASSWORD",
  "WEB_AUTHN",
  "PASSWORD_SRP",
]);

const Request = z.object({
  ClientId,
  ChallengeName: ChallengeNameSchema,
  Session: z.string().min(20).max(2048).optional(),
  ChallengeResponses: StringMap.optional(),
  AnalyticsMetadata,
  UserContextData: z
    .object({ IpAddress: z.string().optional(), EncodedData: z.string().optional() })
    .optional(),
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<RespondToAuthChallengeCommandInput>;

export const RespondToAuthChallenge = operation(Request, async (req, services, request) => {
  const { client, pool } = requireClient(services, req.ClientId);
  const outcome = await respondToChallenge(
    services,
    {
      pool,
      client,
      admin: false,
      signals: signalsFor(pool, request, client, req.UserContextData),
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    },
    req.ChallengeName,
    req.Session,
    req.ChallengeResponses ?? {},
  );
  return toAuthResult(outcome);
});
