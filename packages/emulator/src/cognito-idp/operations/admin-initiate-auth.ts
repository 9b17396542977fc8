import type { AdminInitiateAuthCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AdminContextData, AnalyticsMetadata, ClientId, operation, PoolId, StringMap } from "../operation";
import { requirePool, requirePoolClient } from "../pools";
import { signalsFor } from "../threat/signals";
import { AuthFlow, startAuth } from "./initiate-auth";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId,
  AuthFlow,
  AuthParameters: StringMap.optional(),
  ClientMetadata: StringMap.optional(),
  AnalyticsMetadata,
  ContextData: AdminContextData.optional(),
  Session: z.string().optional(),
}) satisfies z.ZodType<AdminInitiateAuthCommandInput>;

export const AdminInitiateAuth = operation(Request, async (req, services, request) => {
  const pool = requirePool(services, req.UserPoolId);
  const client = requirePoolClient(services, req.UserPoolId, req.ClientId);
  return startAuth(
    services,
    {
      pool,
      client,
      admin: true,
      signals: signalsFor(pool, request, client, undefined, req.ContextData),
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    },
    req.AuthFlow,
    req.AuthParameters ?? {},
  );
});
