import type { VerifyUserAttributeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { AliasExistsException, InvalidParameterException } from "../../errors";
import { operation, Token } from "../operation";
import { saveUser, usesEmailAsUsername } from "../pools";
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
  const pending = user.pendingAttributes?.[name];
  if (pending !== undefined) {
    if (name === "email" && usesEmailAsUsername(pool)) {
      const clash = services.store.users
        .findByEmail(pool.Id, pending.toLowerCase())
        .some((u) => u.sub !== user.sub);
      if (clash) throw new AliasExistsException("An account with the given email already exists.");
    }
    user.attributes[name] = pending;
    delete user.pendingAttributes?.[name];
  }
  markVerified(services, pool, user, name, false);
  saveUser(services, pool, user);
  return {};
});
