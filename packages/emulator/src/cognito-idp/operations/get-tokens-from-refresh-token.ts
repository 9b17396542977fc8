import { timingSafeEqual } from "node:crypto";
import type { GetTokensFromRefreshTokenCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { NotAuthorizedException } from "../../errors";
import { ClientId, DeviceKey, operation, StringMap, Token } from "../operation";
import { requireClient } from "../pools";
import {
  API_REFRESH_PROBLEMS,
  redeemableRefreshToken,
  retireRotatedToken,
  rotationOf,
} from "../sign-in/refresh-token";
import { preTokenGeneration } from "../sign-in/triggers";
import { issueTokens } from "../tokens";

const Request = z.object({
  RefreshToken: Token,
  ClientId,
  ClientSecret: z.string().min(1).max(64).optional(),
  DeviceKey: DeviceKey.optional(),
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<GetTokensFromRefreshTokenCommandInput>;

const sameSecret = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * New ID and access tokens from a refresh token; with the client's refresh-token rotation on, a
 * new refresh token too, and the submitted one is retired after the grace period.
 * PreTokenGeneration runs with `TokenGeneration_RefreshTokens` and the request's ClientMetadata.
 */
export const GetTokensFromRefreshToken = operation(Request, async (req, services) => {
  const { client, pool } = requireClient(services, req.ClientId);
  if (client.ClientSecret) {
    if (!req.ClientSecret) {
      throw new NotAuthorizedException(
        `Client ${client.ClientId} is configured for secret but secret was not received`,
      );
    }
    if (!sameSecret(req.ClientSecret, client.ClientSecret)) {
      throw new NotAuthorizedException(`Unable to verify secret for client ${client.ClientId}`);
    }
  }
  const { row, user } = redeemableRefreshToken(
    services,
    pool,
    client,
    req.RefreshToken,
    API_REFRESH_PROBLEMS,
    req.DeviceKey,
  );
  if (!user.enabled) throw API_REFRESH_PROBLEMS.disabled();
  const rotation = rotationOf(client);
  if (rotation.enabled) retireRotatedToken(services, client, row, API_REFRESH_PROBLEMS);
  const ctx = { pool, client, ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}) };
  const overrides = await preTokenGeneration(services, ctx, user, "TokenGeneration_RefreshTokens");
  const tokens = await issueTokens(services, pool, client, user, {
    authTime: row.authTime,
    originJti: row.originJti,
    withRefreshToken: rotation.enabled,
    refreshExpiresAt: row.expiresAt,
    ...(overrides ? { overrides } : {}),
    ...(row.deviceKey ? { deviceKey: row.deviceKey } : {}),
  });
  return { AuthenticationResult: tokens };
});
