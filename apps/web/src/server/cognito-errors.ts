/**
 * Cognito's user-pool API errors, as the account pages show them. The AWS SDK throws exceptions
 * whose `name` is Cognito's error type (`CodeMismatchException`, ...); the messages here say what
 * to do next instead of repeating the service's wording.
 */

interface AwsError extends Error {
  name: string;
  message: string;
  $fault?: "client" | "server";
}

function isAwsError(err: unknown): err is AwsError {
  return err instanceof Error && typeof (err as { $metadata?: unknown }).$metadata === "object";
}

/** What the user was doing, for errors whose meaning depends on it. */
export type AccountOperation = "password" | "code" | "totp" | "profile" | "mfa" | "other";

/**
 * Cognito refused the access token itself (revoked by a global sign-out, expired, or not a
 * token of this pool): the session has to be refreshed or ended, the request never ran.
 */
export function isAccessTokenRejected(err: unknown): boolean {
  return isAwsError(err) && err.name === "NotAuthorizedException" && /access token/i.test(err.message);
}

/** Cognito could not be reached or failed on its side: the page shows the error page, not a hint. */
export function isServiceFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (!isAwsError(err)) return true; // network errors, timeouts
  return err.$fault === "server" || err.name === "InternalErrorException";
}

const POLICY_PREFIX = /^Password does not conform to policy:\s*/i;

/**
 * The message for an error the user can act on, or undefined for one they cannot (the caller
 * rethrows it).
 */
export function cognitoErrorMessage(err: unknown, operation: AccountOperation): string | undefined {
  if (!isAwsError(err) || isAccessTokenRejected(err) || isServiceFailure(err)) return undefined;
  switch (err.name) {
    case "InvalidPasswordException": {
      const reason = err.message.replace(POLICY_PREFIX, "").replace(/\.?$/, ".");
      return `Choose a stronger password. ${reason} Use at least 12 characters with upper- and lower-case letters, a number and a symbol.`;
    }
    case "NotAuthorizedException":
      return operation === "password"
        ? "Your current password is not correct."
        : "Cognito refused the change. Sign in again and retry.";
    case "CodeMismatchException":
    case "EnableSoftwareTokenMFAException":
      return operation === "totp"
        ? "That code is not correct. Check the time on your device and enter the code your app shows now."
        : "That code is not correct. Check it and try again.";
    case "ExpiredCodeException":
      return "That code has expired. Send a new one.";
    case "LimitExceededException":
    case "TooManyRequestsException":
    case "TooManyFailedAttemptsException":
      return "Too many attempts. Wait a few minutes, then try again.";
    case "AliasExistsException":
      return "Another account already uses that email address or phone number.";
    case "CodeDeliveryFailureException":
      return "We could not send the code. Check the address or number and try again later.";
    case "InvalidParameterException":
      return `Check what you entered: ${err.message}`;
    case "PasswordHistoryPolicyViolationException":
      return "Choose a password you have not used recently.";
    case "UserNotFoundException":
      return "This account no longer exists.";
    default:
      return undefined;
  }
}
