import type { AssociateSoftwareTokenCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { generateTotpSecret } from "../../crypto/totp";
import { InvalidParameterException, NotAuthorizedException } from "../../errors";
import { operation } from "../operation";
import { requirePool, saveUser } from "../pools";
import { sessionById } from "../sign-in";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({
  AccessToken: z.string().min(1).optional(),
  Session: z.string().min(20).max(2048).optional(),
}) satisfies z.ZodType<AssociateSoftwareTokenCommandInput>;

/** Hands out a new TOTP secret, by access token or by an MFA_SETUP session. */
export const AssociateSoftwareToken = operation(Request, (req, services) => {
  if (!req.AccessToken && !req.Session)
    throw new InvalidParameterException("Either AccessToken or Session is required.");
  let pool: ReturnType<typeof requirePool>;
  let user: ReturnType<typeof authenticateAccessToken>["user"];
  if (req.AccessToken) {
    ({ pool, user } = authenticateAccessToken(services, req.AccessToken));
  } else {
    const session = sessionById(services, req.Session ?? "");
    pool = requirePool(services, session.poolId);
    const found = services.store.users.getBySub(session.poolId, session.sub);
    if (!found) throw new NotAuthorizedException("Invalid session for the user.");
    user = found;
  }
  const secret = generateTotpSecret();
  user.mfa.pendingTotpSecret = secret;
  saveUser(services, pool, user);
  return { SecretCode: secret, ...(req.Session ? { Session: req.Session } : {}) };
});
