/** PASSWORD_VERIFIER: the SRP proof of USER_SRP_AUTH. */
import { poolShortName } from "../../pools";
import { recordFailedSignIn } from "../../threat/protection";
import { nextCustomStep } from "../custom-auth";
import { afterAwait, checkLockout, recordFailure } from "../lockout";
import { afterPassword } from "../next-step";
import { endSession } from "../session";
import { claimHolds, passwordClaimOf } from "../srp-start";
import { settledOnError, threatAssessment } from "../threat";
import { preAuthentication } from "../triggers";
import type { ChallengeResponder } from "./responder";

export const passwordVerifier: ChallengeResponder = async (
  services,
  ctx,
  { id, session, user, responses },
) => {
  const claim = passwordClaimOf(responses, session.srp);
  endSession(services, id);
  checkLockout(services, user);
  const ok = await claimHolds(poolShortName(ctx.pool.Id), claim, services.clock.now());
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
