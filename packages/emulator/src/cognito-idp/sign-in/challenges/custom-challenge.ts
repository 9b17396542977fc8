/** CUSTOM_CHALLENGE: VerifyAuthChallengeResponse judges the answer, DefineAuthChallenge decides what follows. */
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import { nextCustomStep, verifyAnswer } from "../custom-auth";
import { endSession } from "../session";
import type { ChallengeResponder } from "./responder";

export const customChallenge: ChallengeResponder = async (
  services,
  ctx,
  { id, session, user, responses },
) => {
  const answer = responses.ANSWER;
  if (answer === undefined) throw new InvalidParameterException("Missing required parameter ANSWER");
  const state = session.custom;
  if (!state) throw new NotAuthorizedException("Invalid session for the user.");
  endSession(services, id);
  const correct = await verifyAnswer(services, ctx, user, state, answer);
  const step = {
    challengeName: "CUSTOM_CHALLENGE" as const,
    challengeResult: correct,
    ...(state.metadata !== undefined ? { challengeMetadata: state.metadata } : {}),
  };
  return nextCustomStep(services, ctx, user, { history: [...state.history, step] });
};
