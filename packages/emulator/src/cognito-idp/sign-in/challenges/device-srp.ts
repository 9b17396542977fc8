/**
 * DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER: a remembered device proves it holds its device
 * secret, with the same SRP-6a as the password (the device group key in place of the pool name,
 * the device key in place of the username, the verifier ConfirmDevice stored).
 */
import { verifyPasswordClaimOffThread } from "../../../crypto/srp";
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import { requireDevice } from "../../devices/tracking";
import { challenge, mfaOrFinish } from "../next-step";
import { endSession } from "../session";
import { startSrpStep } from "../srp-start";
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
  const signature = responses.PASSWORD_CLAIM_SIGNATURE;
  const block = responses.PASSWORD_CLAIM_SECRET_BLOCK;
  const timestamp = responses.TIMESTAMP;
  if (!signature || !block || !timestamp || !session.srp || !session.deviceKey) {
    throw new InvalidParameterException(
      "Missing required parameters PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP",
    );
  }
  endSession(services, id);
  const device = requireDevice(services, user, session.deviceKey);
  let ok = false;
  try {
    ok = await verifyPasswordClaimOffThread({
      poolShortName: device.deviceGroupKey,
      state: session.srp,
      passwordClaimSignature: signature,
      passwordClaimSecretBlock: block,
      timestamp,
      now: services.clock.now(),
    });
  } catch {
    ok = false;
  }
  if (!ok) throw new NotAuthorizedException(INCORRECT);
  ctx.deviceKey = device.deviceKey;
  ctx.deviceProven = true;
  return mfaOrFinish(services, ctx, user, "TokenGeneration_Authentication");
};
