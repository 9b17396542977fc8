/** USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH (and its old name ADMIN_NO_SRP_AUTH): the password in the request. */
import { passwordMatchesOffThread } from "../../../crypto/srp";
import { InvalidParameterException, NotAuthorizedException } from "../../../errors";
import { poolShortName } from "../../pools";
import type { Services } from "../../services";
import { recordFailedSignIn } from "../../threat/protection";
import { afterAwait, checkLockout, recordFailure } from "../lockout";
import { afterPassword } from "../next-step";
import { requireSecretHash, userForPasswordSignIn } from "../subject";
import { settledOnError, threatAssessment } from "../threat";
import { preAuthentication } from "../triggers";
import type { AuthContext, SignInOutcome } from "../types";

export async function passwordFlow(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<SignInOutcome> {
  const username = params.USERNAME;
  const password = params.PASSWORD;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  if (!password) throw new InvalidParameterException("Missing required parameter PASSWORD");
  requireSecretHash(ctx, username, params.SECRET_HASH);
  const user = await userForPasswordSignIn(services, ctx, username, password);
  checkLockout(services, user);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  await preAuthentication(services, ctx, user);
  const matches = await passwordMatchesOffThread(
    poolShortName(ctx.pool.Id),
    user.username,
    password,
    user.password ?? { salt: "", verifier: "" },
  );
  const current = afterAwait(services, ctx, user);
  if (!matches || !user.password) {
    recordFailedSignIn(services, ctx.pool, ctx.client.ClientId, current, ctx.signals);
    recordFailure(services, ctx.pool, current);
  }
  await threatAssessment(services, ctx, current, password);
  return settledOnError(services, ctx, () => afterPassword(services, ctx, current));
}
