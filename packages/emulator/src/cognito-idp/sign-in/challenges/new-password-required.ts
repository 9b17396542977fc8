/** NEW_PASSWORD_REQUIRED: a user with a temporary password sets their own (and missing required attributes). */
import { InvalidParameterException } from "../../../errors";
import { saveUser } from "../../pools";
import { setPassword } from "../../users";
import { mfaOrFinish } from "../next-step";
import { endSession } from "../session";
import type { ChallengeResponder } from "./responder";

export const newPasswordRequired: ChallengeResponder = (services, ctx, { id, user, responses }) => {
  const password = responses.NEW_PASSWORD;
  if (!password) throw new InvalidParameterException("Missing required parameter NEW_PASSWORD");
  const updates: Record<string, string> = {};
  for (const [k, v] of Object.entries(responses)) {
    if (k.startsWith("userAttributes.")) updates[k.slice("userAttributes.".length)] = v;
  }
  for (const attr of ctx.pool.SchemaAttributes ?? []) {
    if (
      attr.Required &&
      attr.Name &&
      attr.Name !== "sub" &&
      !user.attributes[attr.Name] &&
      !updates[attr.Name]
    ) {
      throw new InvalidParameterException(`Missing required attribute ${attr.Name}`);
    }
  }
  setPassword(ctx.pool, user, password, { temporary: false, now: services.clock.now().getTime() });
  for (const [k, v] of Object.entries(updates)) {
    if (k === "sub") continue;
    user.attributes[k] = v;
  }
  user.status = "CONFIRMED";
  saveUser(services, ctx.pool, user);
  endSession(services, id);
  return mfaOrFinish(services, ctx, user, "TokenGeneration_NewPasswordChallenge");
};
