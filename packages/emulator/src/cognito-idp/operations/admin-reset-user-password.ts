import type { AdminResetUserPasswordCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException, NotAuthorizedException } from "../../errors";
import { operation, PoolId, StringMap, Username } from "../operation";
import { requirePool, requireUser, saveUser } from "../pools";
import { deliverCode, HOUR_MS, issueCode, recoveryTarget } from "../users";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<AdminResetUserPasswordCommandInput>;

/** RESET_REQUIRED: the next sign-in gets PasswordResetRequiredException; a reset code is sent. */
export const AdminResetUserPassword = operation(Request, async (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  const target = recoveryTarget(pool, user);
  if (!target) {
    throw new InvalidParameterException(
      "Cannot reset password for the user as there is no registered/verified email or phone_number",
    );
  }
  if (user.status !== "UNCONFIRMED") user.status = "RESET_REQUIRED";
  saveUser(services, pool, user);
  const code = issueCode(services, user, "forgot", HOUR_MS);
  await deliverCode(services, pool, user, {
    kind: "ForgotPassword",
    medium: target.DeliveryMedium,
    code,
    ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
  });
  return {};
});
