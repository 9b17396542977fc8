import type { PoolRecord, UserRecord } from "../store/types";
import { runTrigger, triggerAttributes } from "../triggers/cognito";
import { saveUser } from "./pools";
import type { Services } from "./services";
import { confirmationTarget, markVerified } from "./users";

/** UNCONFIRMED -> CONFIRMED: verifies the attribute the code went to, then runs PostConfirmation. */
export async function confirmUser(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  options: {
    clientId: string;
    forceAliasCreation: boolean;
    clientMetadata?: Record<string, string>;
    verify?: boolean;
  },
): Promise<void> {
  const target = confirmationTarget(pool, user);
  if (target && options.verify !== false)
    markVerified(services, pool, user, target.AttributeName, options.forceAliasCreation);
  user.status = "CONFIRMED";
  saveUser(services, pool, user);
  await runTrigger(services, pool, "PostConfirmation", {
    triggerSource: "PostConfirmation_ConfirmSignUp",
    userName: user.username,
    clientId: options.clientId,
    request: { userAttributes: triggerAttributes(user), clientMetadata: options.clientMetadata ?? {} },
  });
}
