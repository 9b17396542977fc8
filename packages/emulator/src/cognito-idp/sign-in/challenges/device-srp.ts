/**
 * DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER: a remembered device proves it holds its device
 * secret, with the same SRP-6a as the password (the device group key in place of the pool name,
 * the device key in place of the username, the verifier ConfirmDevice stored).
 */
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import { requireDevice } from "../../devices/tracking";
import { challenge, mfaOrFinish } from "../next-step";
import { endSession } from "../session";
import { claimHolds, passwordClaimOf, startSrpStep } from "../srp-start";
import { INCORRECT } from "../types";
import type { ChallengeResponder } from "./responder";

export const deviceSrpAuth: ChallengeResponder = async (services, ctx, { id, session, user, responses }) => {
  const srpA = responses.SRP_A;
  if (!srpA) throw new InvalidParameterException("Missing required parameter SRP_A");
  const deviceKey = responses.DEVICE_KEY;
  if (!deviceKey) throw new InvalidParameterException("Missing required parameter DEVICE_KEY");
  if (deviceKey !== session.deviceKey) throw new NotAuthorizedException("Invalid device key given.");
  const device = requireDevice(services, user, deviceKey);
  if (!device.remembered || !device.verifier) throw new NotAuthorizedException("Device is not remembered.");
  endSession(services, id);
  const started = await startSrpStep(device.deviceGroupKey, device.deviceKey, device.verifier, srpA);
  const { SRP_B, SALT, SECRET_BLOCK } = started.challengeParameters;
  return challenge(
    services,
    ctx,
    user,
    "DEVICE_PASSWORD_VERIFIER",
    { SRP_B, SALT, SECRET_BLOCK, USERNAME: user.username, DEVICE_KEY: device.deviceKey },
    { srp: started.state },
  );
};

export const devicePasswordVerifier: ChallengeResponder = async (
  services,
  ctx,
  { id, session, user, responses },
) => {
  const claim = passwordClaimOf(responses, session.srp);
  if (!session.deviceKey) throw new NotAuthorizedException("Invalid session for the user.");
  endSession(services, id);
  const device = requireDevice(services, user, session.deviceKey);
  const ok = await claimHolds(device.deviceGroupKey, claim, services.clock.now());
  if (!ok) throw new NotAuthorizedException(INCORRECT);
  ctx.deviceKey = device.deviceKey;
  ctx.deviceProven = true;
  return mfaOrFinish(services, ctx, user, "TokenGeneration_Authentication");
};
