/**
 * SMS_MFA and EMAIL_OTP: the code sent by text message or email when the challenge was issued.
 * Completing it marks that phone number or email address verified, as AWS does ("When a user
 * completes their first MFA, Amazon Cognito marks their email address or phone number as
 * verified").
 */
import { CodeMismatchException, InvalidParameterException } from "../../../errors";
import { saveUser } from "../../pools";
import { updateSignInEvent } from "../../threat/protection";
import { consumeCode } from "../../users";
import { finish } from "../finish";
import { endSession, failAttempt } from "../session";
import type { ChallengeResponder } from "./responder";

function codeResponder(
  answer: string,
  verifies: "phone_number_verified" | "email_verified",
): ChallengeResponder {
  return async (services, ctx, { id, session, user, responses }) => {
    const code = responses[answer];
    if (!code) throw new InvalidParameterException(`Missing required parameter ${answer}`);
    try {
      consumeCode(services, user, `mfa:${id}`, code);
    } catch {
      updateSignInEvent(services, session.eventId, { mfa: "Failure" });
      failAttempt(
        services,
        id,
        session,
        new CodeMismatchException("Invalid code or auth state for the user."),
      );
    }
    endSession(services, id);
    updateSignInEvent(services, session.eventId, { mfa: "Success" });
    if (user.attributes[verifies] !== "true") {
      user.attributes[verifies] = "true";
      saveUser(services, ctx.pool, user);
    }
    return finish(services, ctx, user, "TokenGeneration_Authentication");
  };
}

export const smsMfa = codeResponder("SMS_MFA_CODE", "phone_number_verified");
export const emailOtp = codeResponder("EMAIL_OTP_CODE", "email_verified");
