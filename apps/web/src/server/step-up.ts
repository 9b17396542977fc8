import { z } from "zod";
import { safeRedirectPath } from "./safe-redirect";

/**
 * Sensitive account changes (email, phone, MFA settings, deleting the account) need a sign-in
 * within this many seconds. Older sessions are sent through the hosted UI again with
 * `prompt=login` (password and, when enabled, the second factor).
 */
export const STEP_UP_MAX_AGE_SECONDS = 5 * 60;

/** Allowed clock difference between Cognito and this server for a sign-in "in the future". */
const CLOCK_SKEW_SECONDS = 60;

const AuthTime = z.object({ auth_time: z.number().int().positive() });

/**
 * When the user last authenticated, from the ID token's `auth_time` (the hosted-UI sign-in, kept
 * through refreshes); undefined when the claims have none.
 */
export function authTimeOf(idTokenClaims: Record<string, unknown>): number | undefined {
  const parsed = AuthTime.safeParse(idTokenClaims);
  return parsed.success ? parsed.data.auth_time : undefined;
}

/**
 * True when `authTime` (epoch seconds) is within the last {@link STEP_UP_MAX_AGE_SECONDS}. A
 * missing time, or one implausibly far in the future, is never recent.
 */
export function isRecentAuthentication(
  authTime: number | undefined,
  nowSeconds: number,
  maxAgeSeconds = STEP_UP_MAX_AGE_SECONDS,
): boolean {
  if (authTime === undefined) return false;
  if (authTime > nowSeconds + CLOCK_SKEW_SECONDS) return false;
  return nowSeconds - authTime <= maxAgeSeconds;
}

/** Only same-site paths come back from the step-up sign-in (no open redirect). */
export function safeReturnPath(value: string | null | undefined, fallback = "/account"): string {
  return safeRedirectPath(value, fallback);
}

/** The page that explains the step-up and starts the hosted UI with `prompt=login`. */
export function reauthenticatePath(returnTo: string): string {
  return `/account/reauthenticate?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`;
}
