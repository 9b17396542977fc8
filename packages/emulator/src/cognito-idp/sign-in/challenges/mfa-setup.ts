/**
 * MFA_SETUP: answered after AssociateSoftwareToken and VerifySoftwareToken with this session
 * (`markSessionTotpVerified`); the sign-in then completes.
 */
import { InvalidParameterException } from "../../../errors";
import { finish } from "../finish";
import { endSession } from "../session";
import type { ChallengeResponder } from "./responder";

export const mfaSetup: ChallengeResponder = (services, ctx, { id, session, user }) => {
  if (!session.totpVerified || !user.mfa.totpSecret) {
    throw new InvalidParameterException("Software token MFA has not been verified for this session.");
  }
  endSession(services, id);
  return finish(services, ctx, user, "TokenGeneration_Authentication");
};
