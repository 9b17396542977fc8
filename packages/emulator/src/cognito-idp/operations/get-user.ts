import type { GetUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, Token } from "../operation";
import { attributeList } from "../pools";
import { authenticateAccessToken } from "../tokens";
import { mfaSettings } from "../users";

const Request = z.object({ AccessToken: Token }) satisfies z.ZodType<GetUserCommandInput>;

export const GetUser = operation(Request, (req, services) => {
  const { user, claims } = authenticateAccessToken(services, req.AccessToken);
  const client = services.store.resources.get("client", user.poolId, claims.client_id);
  return {
    Username: user.username,
    UserAttributes: attributeList(user, client?.ReadAttributes),
    ...mfaSettings(user),
  };
});
