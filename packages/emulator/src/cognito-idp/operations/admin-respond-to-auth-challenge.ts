import type { AdminRespondToAuthChallengeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ClientId, operation, PoolId, StringMap } from "../operation";
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
  AnalyticsMetadata: z.object({ AnalyticsEndpointId: z.string().optional() }).optional(),
  ContextData: z
    .object({
      IpAddress: z.string(),
      ServerName: z.string(),
      ServerPath: z.string(),
      HttpHeaders: z.array(
        z.object({ headerName: z.string().optional(), headerValue: z.string().optional() }),
      ),
      EncodedData: z.string().optional(),
    })
    .optional(),
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
