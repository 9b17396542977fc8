import type { RevokeTokenCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import {
  NotAuthorizedException,
  UnsupportedOperationException,
  UnsupportedTokenTypeException,
} from "../../errors";
import { ClientId, operation, Token } from "../operation";
import { requireClient } from "../pools";

const Request = z.object({
  Token,
  ClientId,
  ClientSecret: z.string().min(1).max(64).optional(),
  ContextData: z.unknown().optional(),
}) satisfies z.ZodType<Omit<RevokeTokenCommandInput, "ContextData">>;

/** Revokes a refresh token and the access tokens minted from it. */
export const RevokeToken = operation(Request, (req, services) => {
  const { client } = requireClient(services, req.ClientId);
  if (client.ClientSecret && req.ClientSecret !== client.ClientSecret) {
    throw new NotAuthorizedException("Client authentication failed.");
  }
  if (client.EnableTokenRevocation === false) {
    throw new UnsupportedOperationException("Token revocation is not enabled for this client.");
  }
  if (req.Token.split(".").length === 3)
    throw new UnsupportedTokenTypeException("Only refresh tokens can be revoked.");
  const row = services.store.refreshTokens.get(req.Token);
  if (!row) return {};
  if (row.clientId !== client.ClientId)
    throw new NotAuthorizedException("Token does not belong to this client.");
  services.store.refreshTokens.revoke(row.token, row.originJti, services.clock.now().getTime());
  return {};
});
