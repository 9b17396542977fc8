import { findOperation } from "../cognito-idp/operations";
import type { Services } from "../cognito-idp/services";
import { secretHash } from "../crypto/secret-hash";
import type { ClientRecord } from "../store/types";

/**
 * Runs a cognito-idp operation (SignUp, ConfirmSignUp, ForgotPassword, ...) exactly as an SDK call
 * would, so the hosted UI applies the same checks, codes, triggers and messages as the API.
 */
export async function callOperation(
  services: Services,
  name: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  const op = findOperation(name);
  if (!op) throw new TypeError(`cognito-idp operation ${name} is not registered`);
  return op.handle(body, services);
}

/** The `SecretHash` member the hosted UI sends on the client's behalf (it knows the secret). */
export function secretHashFor(client: ClientRecord, username: string): { SecretHash?: string } {
  return client.ClientSecret
    ? { SecretHash: secretHash(username, client.ClientId, client.ClientSecret) }
    : {};
}
