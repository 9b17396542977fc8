import type { AdminInitiateAuthCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ClientId, operation, PoolId, StringMap } from "../operation";
import { requirePool, requirePoolClient } from "../pools";
import { signalsFor } from "../threat/signals";
import { AuthFlow, startAuth } from "./initiate-auth";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId,
  AuthFlow,
  AuthParameters: StringMap.optional(),
  ClientMetadata: StringMap.optional(),
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
