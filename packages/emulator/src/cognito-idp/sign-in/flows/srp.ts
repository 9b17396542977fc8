/** USER_SRP_AUTH: answers with the PASSWORD_VERIFIER challenge (answered in `challenges/password-verifier.ts`). */
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import { poolShortName } from "../../pools";
import type { Services } from "../../services";
import { checkLockout } from "../lockout";
import { saveSession } from "../session";
import { startSrpStep } from "../srp-start";
import { requireSecretHash, userForSignIn } from "../subject";
import { type AuthContext, INCORRECT, type SignInOutcome } from "../types";

export async function srpFlow(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<SignInOutcome> {
  const username = params.USERNAME;
  const srpA = params.SRP_A;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  if (!srpA) throw new InvalidParameterException("Missing required parameter SRP_A");
  requireSecretHash(ctx, username, params.SECRET_HASH);
  const user = userForSignIn(services, ctx, username);
  checkLockout(services, user);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  if (!user.password) throw new NotAuthorizedException(INCORRECT);
  const started = await startSrpStep(poolShortName(ctx.pool.Id), user.username, user.password, srpA);
  const session = saveSession(services, ctx, {
    poolId: ctx.pool.Id,
    clientId: ctx.client.ClientId,
    sub: user.sub,
    challenge: "PASSWORD_VERIFIER",
    admin: ctx.admin,
    srp: started.state,
    attempts: 0,
    ...(ctx.clientMetadata ? { clientMetadata: ctx.clientMetadata } : {}),
  });
  return {
    kind: "challenge",
    challenge: "PASSWORD_VERIFIER",
    session,
    parameters: { ...started.challengeParameters, USERNAME: user.username },
    username: user.username,
    sub: user.sub,
  };
}
