/** What a user operation checks of the app client: its secret hash, its pool, whether it hides user existence. */
import { secretHashMatches } from "../../crypto/secret-hash";
import { NotAuthorizedException } from "../../errors";
import type { ClientRecord, PoolRecord } from "../../store/types";

/** SECRET_HASH check for clients with a secret (Cognito's exact messages). */
export function checkSecretHash(client: ClientRecord, username: string, given: string | undefined): void {
  if (!client.ClientSecret) return;
  if (!given) {
    throw new NotAuthorizedException(
      `Client ${client.ClientId} is configured for secret but secret was not received`,
    );
  }
  if (!secretHashMatches(given, username, client.ClientId, client.ClientSecret)) {
    throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.ClientId}`);
  }
}

export const preventsUserExistenceErrors = (client: ClientRecord | undefined): boolean =>
  client?.PreventUserExistenceErrors === "ENABLED";

export function requireClientForPool(client: ClientRecord, pool: PoolRecord): void {
  if (client.UserPoolId !== pool.Id) throw new NotAuthorizedException("Invalid client for this user pool.");
}
