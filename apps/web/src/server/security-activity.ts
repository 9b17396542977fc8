/**
 * The signed-in user's sign-in history from Cognito threat protection (AdminListUserAuthEvents),
 * their feedback on it (AdminUpdateAuthEventFeedback), and "This wasn't me": feedback `Invalid`,
 * sign out everywhere (Cognito and every local session), then a required password reset.
 *
 * Pure logic over {@link UserPoolAdminApi}, so that it is tested without the network; the
 * SDK-backed implementation is in `user-pool-admin.ts`.
 *
 * @module
 */
import type { AuthEventType } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";

/** One page of a user's auth events, as Cognito returns them. */
export interface AuthEventsPage {
  events: AuthEventType[];
  nextToken?: string;
}

export type FeedbackValue = "Valid" | "Invalid";

/** The user-pool admin operations this module needs (SigV4-signed with the server's role). */
export interface UserPoolAdminApi {
  listAuthEvents(username: string, nextToken?: string): Promise<AuthEventsPage>;
  updateAuthEventFeedback(username: string, eventId: string, value: FeedbackValue): Promise<void>;
  globalSignOut(username: string): Promise<void>;
  resetPassword(username: string): Promise<void>;
}

/** A sign-in event as the Security activity page shows it. */
export interface SecurityEvent {
  id: string;
  type: string;
  /** ISO 8601, or undefined when Cognito gave no date. */
  date?: string;
  outcome: "Pass" | "Fail" | "InProgress" | "Unknown";
  /** Threat protection refused the attempt (risk decision `Block`). */
  blocked: boolean;
  risk: { level?: string; decision?: string; compromisedCredentials: boolean };
  ipAddress?: string;
  /** "City, Country", or whichever of the two is known. */
  location?: string;
  deviceName?: string;
  /** "Password: Success", "Mfa: Failure", in Cognito's order. */
  challenges: string[];
  feedback?: { value: string; provider?: string; date?: string };
}

const OUTCOMES = new Set(["Pass", "Fail", "InProgress"]);

function isoDate(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Cognito's AuthEventType, flattened for display. Events without an ID are dropped by the caller. */
export function toSecurityEvent(event: AuthEventType & { EventId: string }): SecurityEvent {
  const context = event.EventContextData;
  // "City, Country"; once when both are the same place name (an address on a local network).
  const location = [...new Set([context?.City, context?.Country].filter(Boolean))].join(", ");
  const feedback = event.EventFeedback;
  return {
    id: event.EventId,
    type: event.EventType ?? "SignIn",
    date: isoDate(event.CreationDate),
    outcome: event.EventResponse && OUTCOMES.has(event.EventResponse) ? event.EventResponse : "Unknown",
    blocked: event.EventRisk?.RiskDecision === "Block",
    risk: {
      level: event.EventRisk?.RiskLevel,
      decision: event.EventRisk?.RiskDecision,
      compromisedCredentials: event.EventRisk?.CompromisedCredentialsDetected === true,
    },
    ipAddress: context?.IpAddress || undefined,
    location: location || undefined,
    deviceName: context?.DeviceName || undefined,
    challenges: (event.ChallengeResponses ?? []).flatMap((c) =>
      c.ChallengeName ? [`${c.ChallengeName}: ${c.ChallengeResponse ?? "Unknown"}`] : [],
    ),
    feedback: feedback?.FeedbackValue
      ? {
          value: feedback.FeedbackValue,
          provider: feedback.Provider,
          date: isoDate(feedback.FeedbackDate),
        }
      : undefined,
  };
}

/** Cognito's error type (the SDK's exception `name`), if `err` is a service or network error. */
function errorName(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}

/**
 * The pool cannot give the user's security activity: threat protection is off, the server's
 * role lacks the permission, or Cognito is unreachable. The page says so kindly.
 */
export class SecurityActivityUnavailableError extends Error {
  override name = "SecurityActivityUnavailableError";
  constructor(
    readonly reason: "not-enabled" | "unavailable",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The event the user gave feedback on is not one of theirs (or no longer exists). */
export class UnknownAuthEventError extends Error {
  override name = "UnknownAuthEventError";
}

/** Cognito no longer knows the session's user (deleted elsewhere): the session ends. */
export class UserGoneError extends Error {
  override name = "UserGoneError";
}

function isProgrammerError(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError;
}

/** Translates a failure of a read or of feedback into the errors the page handles. */
function translate(err: unknown): unknown {
  if (isProgrammerError(err)) return err;
  switch (errorName(err)) {
    case "UserNotFoundException":
      return new UserGoneError("Cognito no longer knows this user", { cause: err });
    case "ResourceNotFoundException":
      return new UnknownAuthEventError("No such sign-in event for this user", { cause: err });
    case "UserPoolAddOnNotEnabledException":
      return new SecurityActivityUnavailableError("not-enabled", "Threat protection is off for this pool", {
        cause: err,
      });
    default:
      return new SecurityActivityUnavailableError(
        "unavailable",
        `The user pool refused or failed (${errorName(err)})`,
        {
          cause: err,
        },
      );
  }
}

/** Largest opaque NextToken accepted back from the browser (Cognito's are far shorter). */
const MAX_TOKEN_LENGTH = 2048;

/** A pagination token from the query string; anything malformed means the first page. */
export const PageToken = z.string().min(1).max(MAX_TOKEN_LENGTH).optional().catch(undefined);

/** Cognito's EventId: letters, digits, `+`, `-`, `_` (1–50). */
export const EventId = z.string().regex(/^[\w+-]{1,50}$/, "not an event ID");

/** One page of the user's sign-in events, newest first as Cognito lists them. */
export async function listSecurityEvents(
  api: UserPoolAdminApi,
  username: string,
  nextToken?: string,
): Promise<{ events: SecurityEvent[]; nextToken?: string }> {
  let page: AuthEventsPage;
  try {
    page = await api.listAuthEvents(username, nextToken);
  } catch (err) {
    throw translate(err);
  }
  const events = page.events.flatMap((e) =>
    e.EventId ? [toSecurityEvent({ ...e, EventId: e.EventId })] : [],
  );
  return { events, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

/** "This was me": feedback `Valid`, which lowers the risk of similar sign-ins. */
export async function confirmEvent(api: UserPoolAdminApi, username: string, eventId: string): Promise<void> {
  try {
    await api.updateAuthEventFeedback(username, eventId, "Valid");
  } catch (err) {
    throw translate(err);
  }
}

export type SecureStep = "feedback" | "cognito-sign-out" | "local-sessions" | "password-reset";

/** What "This wasn't me" achieved; `failed` lists the steps that did not complete. */
export interface SecureAccountOutcome {
  failed: SecureStep[];
  localSessionsEnded: number;
}

/**
 * "This wasn't me", in this order:
 * 1. feedback `Invalid` on the event (Cognito raises the risk of similar sign-ins);
 * 2. Cognito global sign-out (every refresh token of the user revoked);
 * 3. this site's sign-out everywhere: sign-ins made so far revoked (a hosted-UI session that
 *    outlives step 2 cannot start a new one) and every local session of the user deleted (other
 *    browsers are signed out at their next request);
 * 4. a required password reset (the next sign-in must go through "Forgot your password?").
 *
 * An event that is not the user's stops everything before any change. Otherwise a failing step
 * does not stop the later ones: each one protects the account on its own, so all are attempted
 * and the outcome lists what did not complete (the page then tells the user what to do).
 */
export async function secureAccount(
  api: UserPoolAdminApi,
  endLocalSessions: () => Promise<number>,
  username: string,
  eventId: string,
  log: (step: SecureStep, err: unknown) => void = logFailure,
): Promise<SecureAccountOutcome> {
  const failed: SecureStep[] = [];
  try {
    await api.updateAuthEventFeedback(username, eventId, "Invalid");
  } catch (err) {
    const translated = translate(err);
    if (translated instanceof UnknownAuthEventError || translated instanceof UserGoneError) throw translated;
    if (isProgrammerError(err)) throw err;
    log("feedback", err);
    failed.push("feedback");
  }
  const attempt = async <T>(step: SecureStep, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (err) {
      if (isProgrammerError(err)) throw err;
      log(step, err);
      failed.push(step);
      return undefined;
    }
  };
  await attempt("cognito-sign-out", () => api.globalSignOut(username));
  const localSessionsEnded = (await attempt("local-sessions", endLocalSessions)) ?? 0;
  await attempt("password-reset", () => api.resetPassword(username));
  return { failed, localSessionsEnded };
}

function logFailure(step: SecureStep, err: unknown): void {
  console.error(
    JSON.stringify({
      level: "error",
      msg: "secure-account step failed",
      step,
      error: errorName(err),
      message: err instanceof Error ? err.message : String(err),
    }),
  );
}
