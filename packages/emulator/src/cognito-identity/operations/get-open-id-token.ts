import type { GetOpenIdTokenCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { authenticateIdentity } from "../identities";
import { signOpenIdToken } from "../openid";
import { IdentityId, Logins, operation } from "../operation";
import { amrOf } from "../roles";

const Request = z.object({ IdentityId, Logins }) satisfies z.ZodType<GetOpenIdTokenCommandInput>;

/** Token lifetime: 10 minutes, as Cognito issues it. */
const TOKEN_SECONDS = 600;

export const GetOpenIdToken = operation(Request, (req, services) => {
  const { identity, pool, logins } = authenticateIdentity(services, req.IdentityId, req.Logins);
  const token = signOpenIdToken(services, {
    poolId: pool.IdentityPoolId,
    identityId: identity.IdentityId,
    amr: amrOf(logins),
    seconds: TOKEN_SECONDS,
  });
  return { IdentityId: identity.IdentityId, Token: token };
});
