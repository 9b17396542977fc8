import type { AssociateSoftwareTokenCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { generateTotpSecret } from "../../crypto/totp";
import { operation } from "../operation";
import { saveUser } from "../pools";
import { softwareTokenSubject } from "./software-token-subject";

const Request = z.object({
  AccessToken: z.string().min(1).optional(),
  Session: z.string().min(20).max(2048).optional(),
}) satisfies z.ZodType<AssociateSoftwareTokenCommandInput>;

/** Hands out a new TOTP secret, by access token or by an MFA_SETUP session. */
export const AssociateSoftwareToken = operation(Request, (req, services) => {
  const { pool, user } = softwareTokenSubject(services, req);
  const secret = generateTotpSecret();
  user.mfa.pendingTotpSecret = secret;
  saveUser(services, pool, user);
  return { SecretCode: secret, ...(req.Session ? { Session: req.Session } : {}) };
});
