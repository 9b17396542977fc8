/**
 * Threat protection around sign-in: each sign-in (refresh excepted) is assessed, recorded as an
 * auth event with its risk and reasons, and, in `ENFORCED` mode, acted on as the pool's risk
 * configuration says (allow, MFA, block, notify). `AUDIT` records the same events and acts on
 * nothing. Compromised credentials are checked where the password is sent (USER_PASSWORD_AUTH and
 * its admin twin, sign-up, password change), never on SRP, as Cognito does.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import {
  InvalidPasswordException,
  NotAuthorizedException,
  PasswordResetRequiredException,
} from "../../errors";
import type { SignInHistoryRow } from "../../store/store";
import type { PoolRecord, UserRecord } from "../../store/types";
import { newUuid } from "../ids";
import { saveUser } from "../pools";
import type { Services } from "../services";
import { isBreachedPassword } from "./breached-passwords";
import { type IpLocation, ipInRanges, locateIp, networkOf } from "./ip-locations";
import { assessRisk, FAILURE_WINDOW_MS, type PastSignIn, type RiskLevel, type RiskReason } from "./risk";
import {
  type RiskConfigurationRecord,
  riskConfigurationFor,
  type ThreatMode,
  threatMode,
} from "./risk-config";
import type { SignInSignals } from "./signals";

export type AuthEventType = "SignIn" | "SignUp" | "ForgotPassword" | "PasswordChange" | "ResendCode";
export type EventResponse = "Pass" | "Fail" | "InProgress";
export type RiskDecision = "NoRisk" | "AccountTakeover" | "Block";
export type TakeoverAction = "NO_ACTION" | "MFA_IF_CONFIGURED" | "MFA_REQUIRED" | "BLOCK";

/** One auth event as the store keeps it. */
export interface AuthEventRecord {
  eventId: string;
  poolId: string;
  sub: string;
  createdAt: number;
  eventType: AuthEventType;
  response: EventResponse;
  mode: Exclude<ThreatMode, "OFF">;
  risk: { level: RiskLevel; decision: RiskDecision; compromisedCredentialsDetected: boolean };
  reasons: (RiskReason | "blocked-ip-range" | "compromised-credentials")[];
  /** What the configuration asked for (enforced or, in AUDIT, only recorded). */
  action: TakeoverAction;
  challenges: { ChallengeName: "Password" | "Mfa"; ChallengeResponse: "Success" | "Failure" }[];
  context: { ip?: string; deviceKey?: string; deviceName: string } & IpLocation;
  feedback?: { value: "Valid" | "Invalid"; provider: "Admin" | "User"; date: number };
  /** For `UpdateAuthEventFeedback` from the notification's one-click links (notified events only). */
  feedbackToken?: string;
}

/** What the sign-in must do next. */
export type SignInRequirement = "none" | "mfa-if-configured" | "mfa-required";

export interface SignInAssessment {
  /** The sign-in's event, not yet written: the caller writes it once its outcome is known. */
  event?: AuthEventRecord;
  requirement: SignInRequirement;
}

export const BLOCKED_MESSAGE = "Unable to login because of security reasons.";
/** Sign-up or password change with a breached password when the configuration blocks it. */
export const COMPROMISED_MESSAGE =
  "Password is compromised. Choose a password that has not appeared in a data breach.";
/** How many of the user's latest sign-ins risk evaluation looks at (the baseline of devices and networks). */
const HISTORY_SIZE = 20;

function toPast([createdAt, outcome, ip, deviceKey, feedback]: SignInHistoryRow): PastSignIn {
  const network = ip ? networkOf(ip) : undefined;
  return {
    createdAt,
    success: outcome === "Pass",
    ...(ip ? { ip, location: locateIp(ip) } : {}),
    ...(network ? { network } : {}),
    ...(deviceKey ? { deviceKey } : {}),
    ...(feedback ? { feedback } : {}),
  };
}

/** Each of the store's frozen history rows as risk evaluation reads it, derived once. */
const pastSignIns = new WeakMap<SignInHistoryRow, PastSignIn>();
function pastSignInsOf(rows: readonly SignInHistoryRow[]): PastSignIn[] {
  return rows.map((row) => {
    let past = pastSignIns.get(row);
    if (!past) {
      past = toPast(row);
      pastSignIns.set(row, past);
    }
    return past;
  });
}

/** Writes an event: its indexed columns and the whole record. */
export function saveAuthEvent(services: Services, event: AuthEventRecord): void {
  services.store.authEvents.put(
    {
      eventId: event.eventId,
      poolId: event.poolId,
      sub: event.sub,
      createdAt: event.createdAt,
      eventType: event.eventType,
      outcome: event.response,
      ...(event.context.ip ? { ip: event.context.ip } : {}),
      ...(event.context.deviceKey ? { deviceKey: event.context.deviceKey } : {}),
      ...(event.feedback ? { feedback: event.feedback.value } : {}),
    },
    event,
  );
}

interface Evaluation {
  mode: Exclude<ThreatMode, "OFF">;
  config: RiskConfigurationRecord | undefined;
  level: RiskLevel;
  reasons: AuthEventRecord["reasons"];
  action: TakeoverAction;
  notify: boolean;
  location: IpLocation;
  skipped: boolean;
}

function evaluate(
  services: Services,
  pool: PoolRecord,
  clientId: string,
  user: UserRecord,
  signals: SignInSignals,
  mode: Exclude<ThreatMode, "OFF">,
): Evaluation {
  const config = riskConfigurationFor(services, pool.Id, clientId);
  const exceptions = config?.RiskExceptionConfiguration;
  const location = locateIp(signals.ip);
  const base = { mode, config, location };
  if (ipInRanges(signals.ip, exceptions?.BlockedIPRangeList ?? [])) {
    return {
      ...base,
      level: "High",
      reasons: ["blocked-ip-range"],
      action: "BLOCK",
      notify: false,
      skipped: false,
    };
  }
  if (ipInRanges(signals.ip, exceptions?.SkippedIPRangeList ?? [])) {
    return { ...base, level: "Low", reasons: [], action: "NO_ACTION", notify: false, skipped: true };
  }
  const now = services.clock.now().getTime();
  const history = services.store.authEvents.listSignInHistory(pool.Id, user.sub, HISTORY_SIZE);
  const assessed = assessRisk({
    now,
    location,
    history: pastSignInsOf(history),
    ipFailures: signals.ip
      ? services.store.authEvents.countFailedFromIp(pool.Id, signals.ip, now - FAILURE_WINDOW_MS)
      : 0,
    ...(signals.ip ? { ip: signals.ip } : {}),
    ...(signals.deviceKey ? { deviceKey: signals.deviceKey } : {}),
  });
  const actions = config?.AccountTakeoverRiskConfiguration?.Actions;
  const configured =
    assessed.level === "High"
      ? actions?.HighAction
      : assessed.level === "Medium"
        ? actions?.MediumAction
        : actions?.LowAction;
  return {
    ...base,
    level: assessed.level,
    reasons: assessed.reasons,
    action: configured?.EventAction ?? "NO_ACTION",
    notify: configured?.Notify === true,
    skipped: false,
  };
}

function record(
  services: Services,
  user: UserRecord,
  signals: SignInSignals,
  ev: Evaluation,
  response: EventResponse,
  decision: RiskDecision,
  challenges: AuthEventRecord["challenges"],
  extra: { compromised?: boolean; eventType?: AuthEventType; pending?: boolean } = {},
): AuthEventRecord {
  const event: AuthEventRecord = {
    eventId: newUuid(),
    poolId: user.poolId,
    sub: user.sub,
    createdAt: services.clock.now().getTime(),
    eventType: extra.eventType ?? "SignIn",
    response,
    mode: ev.mode,
    risk: { level: ev.level, decision, compromisedCredentialsDetected: extra.compromised === true },
    reasons: extra.compromised ? [...ev.reasons, "compromised-credentials"] : ev.reasons,
    action: ev.action,
    challenges,
    context: {
      ...(signals.ip ? { ip: signals.ip } : {}),
      ...(signals.deviceKey ? { deviceKey: signals.deviceKey } : {}),
      deviceName: signals.deviceName,
      ...ev.location,
    },
    // Only a notification carries the one-click feedback links that need it.
    ...(ev.notify ? { feedbackToken: randomUUID().replaceAll("-", "") } : {}),
  };
  if (!extra.pending) saveAuthEvent(services, event);
  return event;
}

function decisionFor(level: RiskLevel, action: TakeoverAction): RiskDecision {
  if (action === "BLOCK") return "Block";
  return level === "Low" ? "NoRisk" : "AccountTakeover";
}

/** A wrong password (or SRP proof): recorded with its risk; the caller still throws. */
export function recordFailedSignIn(
  services: Services,
  pool: PoolRecord,
  clientId: string,
  user: UserRecord,
  signals: SignInSignals | undefined,
): void {
  const mode = threatMode(pool);
  if (mode === "OFF") return;
  const s = signals ?? { deviceName: "Unknown device" };
  const ev = evaluate(services, pool, clientId, user, s, mode);
  record(services, user, s, ev, "Fail", decisionFor(ev.level, ev.action), [
    { ChallengeName: "Password", ChallengeResponse: "Failure" },
  ]);
}

/**
 * After the password is proven: compromised credentials (when `password` is given), then adaptive
 * authentication. Throws when the sign-in is blocked; otherwise returns what it requires.
 */
export async function assessSignIn(
  services: Services,
  pool: PoolRecord,
  clientId: string,
  user: UserRecord,
  signals: SignInSignals | undefined,
  password?: string,
): Promise<SignInAssessment> {
  const mode = threatMode(pool);
  if (mode === "OFF") return { requirement: "none" };
  const s = signals ?? { deviceName: "Unknown device" };
  const ev = evaluate(services, pool, clientId, user, s, mode);
  const enforced = mode === "ENFORCED";
  const passwordOk = [{ ChallengeName: "Password" as const, ChallengeResponse: "Success" as const }];

  const compromisedConfig = ev.config?.CompromisedCredentialsRiskConfiguration;
  const compromised =
    password !== undefined &&
    !ev.skipped &&
    compromisedConfig !== undefined &&
    (compromisedConfig.EventFilter ?? ["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"]).includes("SIGN_IN") &&
    isBreachedPassword(password);

  if (ev.action === "BLOCK" && enforced) {
    const event = record(services, user, s, ev, "Fail", "Block", passwordOk, { compromised });
    if (ev.notify) notify(services, ev.config, pool, user, event, "block");
    throw new NotAuthorizedException(BLOCKED_MESSAGE);
  }
  if (compromised && compromisedConfig?.Actions.EventAction === "BLOCK" && enforced) {
    record(services, user, s, ev, "Fail", "Block", passwordOk, { compromised });
    // Cognito makes the user choose a new password before signing in again.
    saveUser(services, pool, { ...user, status: "RESET_REQUIRED" });
    throw new PasswordResetRequiredException("Password reset required for the user");
  }
  const event = record(services, user, s, ev, "InProgress", decisionFor(ev.level, ev.action), passwordOk, {
    compromised,
    pending: true,
  });
  if (!enforced || ev.skipped) return { event, requirement: "none" };
  if (ev.notify)
    notify(services, ev.config, pool, user, event, ev.action === "NO_ACTION" ? "no-action" : "mfa");
  const requirement: SignInRequirement =
    ev.action === "MFA_REQUIRED"
      ? "mfa-required"
      : ev.action === "MFA_IF_CONFIGURED"
        ? "mfa-if-configured"
        : "none";
  return { event, requirement };
}

export interface EventChange {
  response?: EventResponse;
  mfa?: "Success" | "Failure";
  blockedForMissingMfa?: boolean;
}

export function applyEventChange(event: AuthEventRecord, change: EventChange): AuthEventRecord {
  return {
    ...event,
    ...(change.response ? { response: change.response } : {}),
    challenges: change.mfa
      ? [...event.challenges, { ChallengeName: "Mfa", ChallengeResponse: change.mfa }]
      : event.challenges,
    ...(change.blockedForMissingMfa ? { risk: { ...event.risk, decision: "Block" as const } } : {}),
  };
}

/** The sign-in a challenge belongs to went on: MFA answered, or tokens issued, or refused. */
export function updateSignInEvent(
  services: Services,
  eventId: string | undefined,
  change: EventChange,
): void {
  if (!eventId) return;
  const event = services.store.authEvents.get<AuthEventRecord>(eventId);
  if (event) saveAuthEvent(services, applyEventChange(event, change));
}

/** Sign-up and password change with a compromised password (`BLOCK` refuses it). */
export function checkCompromisedPassword(
  services: Services,
  pool: PoolRecord,
  clientId: string | undefined,
  event: "SIGN_UP" | "PASSWORD_CHANGE",
  password: string,
): void {
  if (threatMode(pool) !== "ENFORCED") return;
  const config = riskConfigurationFor(services, pool.Id, clientId)?.CompromisedCredentialsRiskConfiguration;
  if (config?.Actions.EventAction !== "BLOCK") return;
  if (!(config.EventFilter ?? ["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"]).includes(event)) return;
  if (isBreachedPassword(password)) throw new InvalidPasswordException(COMPROMISED_MESSAGE);
}

type Template = "block" | "mfa" | "no-action";

function fill(template: string, values: Record<string, string>): string {
  return template.replace(
    /\{(username|ip-address|city|country|login-time|device-name|one-click-link-valid|one-click-link-invalid)\}/g,
    (_, k: string) => values[k] ?? "",
  );
}

/** The notification email of the risk configuration, to the outbox (Cognito's placeholders filled). */
function notify(
  services: Services,
  config: RiskConfigurationRecord | undefined,
  pool: PoolRecord,
  user: UserRecord,
  event: AuthEventRecord,
  kind: Template,
) {
  const to = user.attributes.email;
  const notifyConfig = config?.AccountTakeoverRiskConfiguration?.NotifyConfiguration;
  const template =
    kind === "block"
      ? notifyConfig?.BlockEmail
      : kind === "mfa"
        ? notifyConfig?.MfaEmail
        : notifyConfig?.NoActionEmail;
  if (!to || !template) return;
  const link = (value: "valid" | "invalid") =>
    `/_feedback/${encodeURIComponent(pool.Id)}?username=${encodeURIComponent(user.username)}&event_id=${event.eventId}&token=${event.feedbackToken}&value=${value}`;
  const values = {
    username: user.username,
    "ip-address": event.context.ip ?? "unknown",
    city: event.context.city,
    country: event.context.country,
    "login-time": new Date(event.createdAt).toUTCString(),
    "device-name": event.context.deviceName,
    "one-click-link-valid": link("valid"),
    "one-click-link-invalid": link("invalid"),
  };
  services.store.outbox.add({
    createdAt: services.clock.now().getTime(),
    poolId: pool.Id,
    medium: "EMAIL",
    recipient: to,
    subject: fill(template.Subject, values),
    body: fill(template.TextBody ?? template.HtmlBody ?? "", values),
    kind: "AccountTakeoverNotification",
  });
}
