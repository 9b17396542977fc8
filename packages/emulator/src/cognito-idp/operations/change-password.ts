import type { ChangePasswordCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { NotAuthorizedException } from "../../errors";
import { operation, Token } from "../operation";
import { saveUser } from "../pools";
import { checkCompromisedPassword } from "../threat/protection";
import { authenticateAccessToken } from "../tokens";
import { checkPassword, setPassword } from "../users";

const Request = z.object({
  PreviousPassword: z.string().min(1).max(256).optional(),
  ProposedPassword: z.string().min(1).max(256),
  AccessToken: Token,
}) satisfies z.ZodType<ChangePasswordCommandInput>;

export const ChangePassword = operation(Request, (req, services) => {
  const { pool, user } = authenticateAccessToken(services, req.AccessToken);
  if (!req.PreviousPassword || !checkPassword(pool, user, req.PreviousPassword)) {
    throw new NotAuthorizedException("Incorrect username or password.");
  }
  checkCompromisedPassword(services, pool, undefined, "PASSWORD_CHANGE", req.ProposedPassword);
  setPassword(pool, user, req.ProposedPassword, { temporary: false, now: services.clock.now().getTime() });
  saveUser(services, pool, user);
  return {};
});
