import type { AdminRespondToAuthChallengeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AdminContextData, AnalyticsMetadata, ClientId, operation, PoolId, StringMap } from "../operation";
import { requirePool, requirePoolClient } from "../pools";
import { respondToChallenge, toAuthResult } from "../sign-in";
import { signalsFor } from "../threat/signals";
import { ChallengeNameSchema } from "./respond-to-auth-challenge";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId,
  ChallengeName: ChallengeNameSchema,
  ChallengeResponses: StringMap.optional(),
  Session: z.string().min(20).max(2048).optional(),
  AnalyticsMetadata,
  ContextData: AdminContextData.optional(),
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<AdminRespondToAuthChallengeCommandInput>;

export const AdminRespondToAuthChallenge = operation(Request, async (req, services, request) => {
  const pool = requirePool(services, req.UserPoolId);
  const client = requirePoolClient(services, req.UserPoolId, req.ClientId);
  const outcome = await respondToChallenge(
    services,
    {
      pool,
      client,
      admin: true,
      signals: signalsFor(pool, request, client, undefined, req.ContextData),
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    },
    req.ChallengeName,
    req.Session,
    req.ChallengeResponses ?? {},
  );
  return toAuthResult(outcome);
});
