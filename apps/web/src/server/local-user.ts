import "server-only";
import { deleteUserPartition, emailIndexAttributes, updateUserRecord } from "./session-table";

/**
 * Removes everything the web app keeps about a user (next-auth's user record, the Cognito account
 * with its tokens, every session), after the Cognito user was deleted.
 */
export async function deleteLocalUser(userId: string): Promise<void> {
  await deleteUserPartition(userId);
}

/**
 * Keeps next-auth's user record in step with Cognito after a verified email change or a new name
 * (the header shows them; the adapter finds users by email through GSI1).
 */
export async function syncLocalUser(
  userId: string,
  changes: { email?: string; name?: string },
): Promise<void> {
  await updateUserRecord(userId, {
    name: changes.name,
    ...(changes.email !== undefined ? { email: changes.email, ...emailIndexAttributes(changes.email) } : {}),
  });
}
