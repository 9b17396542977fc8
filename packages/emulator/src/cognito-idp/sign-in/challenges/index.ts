/**
 * RespondToAuthChallenge and AdminRespondToAuthChallenge: the session is loaded and checked, then
 * the challenge's responder answers. Adding a challenge is adding its file and one entry here.
 *
 * @module
 */
import { InvalidParameterException } from "../../../errors";
import type { Services } from "../../services";
import { loadSession } from "../session";
import { sessionUser } from "../subject";
import type { AuthContext, ChallengeName, SignInOutcome } from "../types";
import { customChallenge } from "./custom-challenge";
import { devicePasswordVerifier, deviceSrpAuth } from "./device-srp";
import { mfaSetup } from "./mfa-setup";
import { newPasswordRequired } from "./new-password-required";
import { passwordVerifier } from "./password-verifier";
import type { ChallengeResponder } from "./responder";
import { selectMfaType } from "./select-mfa-type";
import { emailOtp, smsMfa } from "./sms-mfa";
import { softwareTokenMfa } from "./software-token-mfa";

const RESPONDERS: Record<ChallengeName, ChallengeResponder> = {
  PASSWORD_VERIFIER: passwordVerifier,
  NEW_PASSWORD_REQUIRED: newPasswordRequired,
  SMS_MFA: smsMfa,
  EMAIL_OTP: emailOtp,
  SOFTWARE_TOKEN_MFA: softwareTokenMfa,
  SELECT_MFA_TYPE: selectMfaType,
  MFA_SETUP: mfaSetup,
  CUSTOM_CHALLENGE: customChallenge,
  DEVICE_SRP_AUTH: deviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: devicePasswordVerifier,
};

export async function respondToChallenge(
  services: Services,
  ctx: AuthContext,
  name: string,
  sessionId: string | undefined,
  responses: Record<string, string>,
): Promise<SignInOutcome> {
  const { id, session } = loadSession(
    services,
    ctx,
    sessionId,
    name === "PASSWORD_VERIFIER" ? responses.PASSWORD_CLAIM_SECRET_BLOCK : undefined,
  );
  if (session.challenge !== name) {
    throw new InvalidParameterException(`Invalid challenge name: expected ${session.challenge}.`);
  }
  const user = sessionUser(services, ctx, session, responses);
  if (session.clientMetadata && !ctx.clientMetadata) ctx.clientMetadata = session.clientMetadata;
  if (session.eventId) ctx.eventId = session.eventId;
  const deviceKey = responses.DEVICE_KEY ?? session.deviceKey;
  if (deviceKey) ctx.deviceKey = deviceKey;
  if (session.deviceProven) ctx.deviceProven = true;
  return RESPONDERS[session.challenge](services, ctx, { id, session, user, responses });
}
