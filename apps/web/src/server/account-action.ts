import "server-only";
import { type AccountOperation, cognitoErrorMessage } from "./cognito-errors";

/**
 * Runs a Cognito call of an account form. Errors the user can act on (a wrong code, a weak
 * password) come back as the message to show; anything else is thrown to the error page, and an
 * ended session to `withSession`.
 */
export async function userFacing(
  operation: AccountOperation,
  call: () => Promise<unknown>,
): Promise<{ error: string } | undefined> {
  try {
    await call();
    return undefined;
  } catch (err) {
    const message = cognitoErrorMessage(err, operation);
    if (message === undefined) throw err;
    return { error: message };
  }
}
