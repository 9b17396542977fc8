/** SOFTWARE_TOKEN_MFA: a TOTP code from the user's authenticator app; a code's time step is accepted once. */
import { verifyTotp } from "../../../crypto/totp";
import { CodeMismatchException, ExpiredCodeException, InvalidParameterException } from "../../../errors";
import { saveUser } from "../../pools";
import { updateSignInEvent } from "../../threat/protection";
import { finish } from "../finish";
import { endSession, failAttempt } from "../session";
import type { ChallengeResponder } from "./responder";

export const softwareTokenMfa: ChallengeResponder = (services, ctx, { id, session, user, responses }) => {
  const code = responses.SOFTWARE_TOKEN_MFA_CODE;
  if (!code) throw new InvalidParameterException("Missing required parameter SOFTWARE_TOKEN_MFA_CODE");
  const step = user.mfa.totpSecret ? verifyTotp(user.mfa.totpSecret, code, services.clock.now()) : undefined;
  if (step === undefined) {
    updateSignInEvent(services, session.eventId, { mfa: "Failure" });
    failAttempt(services, id, session, new CodeMismatchException("Invalid code received for user"));
  }
  if (user.mfa.lastTotpStep !== undefined && step <= user.mfa.lastTotpStep) {
    // A code of a step already used (by VerifySoftwareToken or a sign-in): AWS's answer, as moto's
    // aws_verified MFA tests record it.
    updateSignInEvent(services, session.eventId, { mfa: "Failure" });
    failAttempt(
      services,
      id,
      session,
      new ExpiredCodeException("Your software token has already been used once."),
    );
  }
  user.mfa.lastTotpStep = step;
  saveUser(services, ctx.pool, user);
  endSession(services, id);
  updateSignInEvent(services, session.eventId, { mfa: "Success" });
  return finish(services, ctx, user, "TokenGeneration_Authentication");
};
