/** SELECT_MFA_TYPE: the user picks one of their MFA methods; its challenge follows. */
import { InvalidParameterException } from "../../../errors";
import { mfaChallenge, userMfaMethods } from "../next-step";
import { endSession } from "../session";
import type { ChallengeResponder } from "./responder";

export const selectMfaType: ChallengeResponder = (services, ctx, { id, user, responses }) => {
  const answer = responses.ANSWER;
  if (answer !== "SMS_MFA" && answer !== "SOFTWARE_TOKEN_MFA" && answer !== "EMAIL_OTP") {
    throw new InvalidParameterException("ANSWER must be SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP");
  }
  if (!userMfaMethods(ctx.pool, user).includes(answer))
    throw new InvalidParameterException(`${answer} is not enabled for the user.`);
  endSession(services, id);
  return mfaChallenge(services, ctx, user, answer);
};
