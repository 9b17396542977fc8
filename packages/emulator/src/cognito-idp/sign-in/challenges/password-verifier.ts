/** PASSWORD_VERIFIER: the SRP proof of USER_SRP_AUTH. */
import { verifyPasswordClaimOffThread } from "../../../crypto/srp";
import { InvalidParameterException } from "../../../errors";
import { poolShortName } from "../../pools";
import { recordFailedSignIn } from "../../threat/protection";
import { nextCustomStep } from "../custom-auth";
import { afterAwait, checkLockout, recordFailure } from "../lockout";
import { afterPassword } from "../next-step";
import { endSession } from "../session";
import { settledOnError, threatAssessment } from "../threat";
import { preAuthentication } from "../triggers";
import type { ChallengeResponder } from "./responder";

export const passwordVerifier: ChallengeResponder = async (
  services,
  ctx,
  { id, session, user, responses },
) => {
  const signature = responses.PASSWORD_CLAIM_SIGNATURE;
  const block = responses.PASSWORD_CLAIM_SECRET_BLOCK;
  const timestamp = responses.TIMESTAMP;
  if (!signature || !block || !timestamp || !session.srp) {
    throw new InvalidParameterException(
      "Missing required parameters PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP",
    );
  }
  endSession(services, id);
  checkLockout(services, user);
  let ok = false;
  try {
    ok = await verifyPasswordClaimOffThread({
      poolShortName: poolShortName(ctx.pool.Id),
      state: session.srp,
      passwordClaimSignature: signature,
      passwordClaimSecretBlock: block,
      timestamp,
      now: services.clock.now(),
    });
  } catch {
    ok = false;
  }
  await preAuthentication(services, ctx, user);
  const current = afterAwait(services, ctx, user);
  if (!ok) {
    recordFailedSignIn(services, ctx.pool, ctx.client.ClientId, current, ctx.signals);
    recordFailure(services, ctx.pool, current);
  }
  await threatAssessment(services, ctx, current);
  const custom = session.custom;
  if (custom) {
    // Custom authentication with SRP: the proven password is one step of the history.
    const history = [
      ...custom.history,
      { challengeName: "PASSWORD_VERIFIER" as const, challengeResult: true },
    ];
    return settledOnError(services, ctx, () => nextCustomStep(services, ctx, current, { history }));
  }
  return settledOnError(services, ctx, () => afterPassword(services, ctx, current));
};
