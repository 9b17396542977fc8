/**
 * CUSTOM_AUTH: with `CHALLENGE_NAME: SRP_A` (and `SRP_A`), custom challenges after an SRP password
 * proof; without, custom challenges alone (`custom-auth.ts`).
 */
import {
  InvalidParameterException,
  NotAuthorizedException,
  UserNotConfirmedException,
} from "../../../errors";
import type { Services } from "../../services";
import { nextCustomStep, requireCustomAuthTriggers } from "../custom-auth";
import { checkLockout } from "../lockout";
import { requireSecretHash, userForSignIn } from "../subject";
import { preAuthentication } from "../triggers";
import type { AuthContext, SignInOutcome } from "../types";

export async function customFlow(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<SignInOutcome> {
  const username = params.USERNAME;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  requireCustomAuthTriggers(ctx);
  const withSrp = params.CHALLENGE_NAME === "SRP_A";
  if (withSrp && !params.SRP_A) throw new InvalidParameterException("Missing required parameter SRP_A");
  requireSecretHash(ctx, username, params.SECRET_HASH);
  const user = userForSignIn(services, ctx, username);
  checkLockout(services, user);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  await preAuthentication(services, ctx, user);
  return nextCustomStep(services, ctx, user, {
    history: withSrp ? [{ challengeName: "SRP_A", challengeResult: true }] : [],
    ...(withSrp && params.SRP_A ? { srpA: params.SRP_A } : {}),
  });
}
