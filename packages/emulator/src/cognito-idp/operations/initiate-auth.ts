import type { InitiateAuthCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AnalyticsMetadata, ClientId, operation, StringMap } from "../operation";
import { requireClient } from "../pools";
import type { Services } from "../services";
import { type AuthContext, startFlow, toAuthResult } from "../sign-in";
import { signalsFor } from "../threat/signals";

export const AuthFlow = z.enum([
  "USER_SRP_AUTH",
  "REFRESH_TOKEN_AUTH",
  "REFRESH_TOKEN",
  "CUSTOM_AUTH",
  "ADMIN_NO_SRP_AUTH",
  "USER_PASSWORD_AUTH",
  "ADMIN_USER_PASSWORD_AUTH",
  "USER_AUTH",
]);

const Request = z.object({
  AuthFlow,
  AuthParameters: StringMap.optional(),
  ClientMetadata: StringMap.optional(),
  ClientId,
  AnalyticsMetadata,
  UserContextData: z
    .object({ IpAddress: z.string().optional(), EncodedData: z.string().optional() })
    .optional(),
  Session: z.string().optional(),
}) satisfies z.ZodType<InitiateAuthCommandInput>;

/** Shared by InitiateAuth and AdminInitiateAuth. */
export async function startAuth(
  services: Services,
  ctx: AuthContext,
  flow: string,
  params: Record<string, string>,
) {
  return toAuthResult(await startFlow(services, ctx, flow, params));
}

export const InitiateAuth = operation(Request, async (req, services, request) => {
  const { client, pool } = requireClient(services, req.ClientId);
  return startAuth(
    services,
    {
      pool,
      client,
      admin: false,
      signals: signalsFor(pool, request, client, req.UserContextData),
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    },
    req.AuthFlow,
    req.AuthParameters ?? {},
  );
});
