import type { VerifyUserAttributeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { operation, Token } from "../operation";
import { saveUser } from "../pools";
import { authenticateAccessToken } from "../tokens";
import { consumeCode, markVerified } from "../users";

const Request = z.object({
  AccessToken: Token,
  AttributeName: z.string().min(1).max(32),
  Code: z.string().min(1).max(2048),
}) satisfies z.ZodType<VerifyUserAttributeCommandInput>;

export const VerifyUserAttribute = operation(Request, (req, services) => {
  const { pool, user } = authenticateAccessToken(services, req.AccessToken);
  const name = req.AttributeName;
  if (name !== "email" && name !== "phone_number") {
    throw new InvalidParameterException("Only email and phone_number attributes can be verified.");
  }
  consumeCode(services, user, `verify:${name}`, req.Code);
  markVerified(services, pool, user, name, false);
  saveUser(services, pool, user);
  return {};
});
