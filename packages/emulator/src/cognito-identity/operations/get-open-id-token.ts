import type { GetOpenIdTokenCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { signJwt } from "../../crypto/jwt";
import { authenticateIdentity, regionOfIdentityPool } from "../identities";
import { identitySigningKey, OPENID_ISSUER } from "../openid";
import { IdentityId, Logins, operation } from "../operation";
import { amrOf } from "../roles";

const Request = z.object({ IdentityId, Logins }) satisfies z.ZodType<GetOpenIdTokenCommandInput>;

/** Token lifetime: 10 minutes, as Cognito issues it. */
const TOKEN_SECONDS = 600;

export const GetOpenIdToken = operation(Request, (req, services) => {
  const { identity, pool, logins } = authenticateIdentity(services, req.IdentityId, req.Logins);
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const token = signJwt(
    {
      sub: identity.IdentityId,
      aud: pool.IdentityPoolId,
      amr: amrOf(logins),
      "https://cognito-identity.amazonaws.com/identity-pool-arn": `arn:aws:cognito-identity:${regionOfIdentityPool(pool.IdentityPoolId)}:${services.accountId}:identitypool/${pool.IdentityPoolId}`,
      iss: OPENID_ISSUER,
      exp: now + TOKEN_SECONDS,
      iat: now,
    },
    identitySigningKey(services),
  );
  return { IdentityId: identity.IdentityId, Token: token };
});
