/** SMS_MFA: the code sent by text message when the challenge was issued. */
import { CodeMismatchException, InvalidParameterException } from "../../../errors";
import { updateSignInEvent } from "../../threat/protection";
import { consumeCode } from "../../users";
import { finish } from "../finish";
import { endSession, failAttempt } from "../session";
import type { ChallengeResponder } from "./responder";

export const smsMfa: ChallengeResponder = (services, ctx, { id, session, user, responses }) => {
  const code = responses.SMS_MFA_CODE;
  if (!code) throw new InvalidParameterException("Missing required parameter SMS_MFA_CODE");
  try {
    consumeCode(services, user, `mfa:${id}`, code);
  } catch {
    updateSignInEvent(services, session.eventId, { mfa: "Failure" });
    failAttempt(services, id, session, new CodeMismatchException("Invalid code or auth state for the user."));
  }
  endSession(services, id);
  updateSignInEvent(services, session.eventId, { mfa: "Success" });
  return finish(services, ctx, user, "TokenGeneration_Authentication");
};
