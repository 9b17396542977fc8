import type { VerifySoftwareTokenCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { verifyTotp } from "../../crypto/totp";
import {
  CodeMismatchException,
  EnableSoftwareTokenMFAException,
  InvalidParameterException,
  NotAuthorizedException,
} from "../../errors";
import { operation } from "../operation";
import { requirePool, saveUser } from "../pools";
import { markSessionTotpVerified, sessionById } from "../sign-in";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({
  AccessToken: z.string().min(1).optional(),
  Session: z.string().min(20).max(2048).optional(),
  UserCode: z.string().regex(/^[0-9]{6}$/, "Member must satisfy regular expression pattern: [0-9]+"),
  FriendlyDeviceName: z.string().optional(),
}) satisfies z.ZodType<VerifySoftwareTokenCommandInput>;

export const VerifySoftwareToken = operation(Request, (req, services) => {
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
  const secret = user.mfa.pendingTotpSecret;
  if (!secret)
    throw new EnableSoftwareTokenMFAException("Software token has not been associated with the user.");
  const step = verifyTotp(secret, req.UserCode, services.clock.now());
  if (step === undefined) throw new CodeMismatchException("Code mismatch and fail enable Software Token MFA");
  user.mfa.totpSecret = secret;
  user.mfa.lastTotpStep = step;
  delete user.mfa.pendingTotpSecret;
  user.mfa.totpEnabled = true;
  saveUser(services, pool, user);
  if (req.Session) markSessionTotpVerified(services, req.Session);
  return { Status: "SUCCESS", ...(req.Session ? { Session: req.Session } : {}) };
});
