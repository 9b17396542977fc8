/**
 * Adaptive authentication's risk score, from what the emulator sees of a sign-in: the device, the
 * IP and its network, where that IP is, the user's recent sign-ins and failures, failures from the
 * same IP across the pool, and the feedback given on earlier events. Pure: the caller loads the
 * history and applies the configured action.
 *
 * | signal | weight |
 * |---|---|
 * | `new-device`: a device never seen in a successful sign-in of this user | 1 |
 * | `new-network`: an IPv4 /24 (IPv6 /48) never seen in a successful sign-in | 1 |
 * | `impossible-travel`: faster than 900 km/h since the last successful sign-in, over 500 km | 2 |
 * | `failed-attempts-user`: 3+ failed sign-ins of this user in 15 minutes | 1 |
 * | `failed-attempts-ip`: 10+ failed sign-ins from this IP in the pool in 15 minutes | 1 |
 * | `reported-device-or-ip`: feedback said an earlier event from this device or IP was not the user | 3 |
 *
 * A first sign-in has no baseline: device and network novelty need at least one earlier success.
 * Feedback "Valid" on an event makes its device and network known (and the journey to them plausible). Score 0 is Low, 1–2 Medium,
 * 3 and more High.
 *
 * @module
 */
import { distanceKm, type IpLocation, locateIp, networkOf } from "./ip-locations";

export type RiskLevel = "Low" | "Medium" | "High";

export type RiskReason =
  | "new-device"
  | "new-network"
  | "impossible-travel"
  | "failed-attempts-user"
  | "failed-attempts-ip"
  | "reported-device-or-ip";

const WEIGHTS: Record<RiskReason, number> = {
  "new-device": 1,
  "new-network": 1,
  "impossible-travel": 2,
  "failed-attempts-user": 1,
  "failed-attempts-ip": 1,
  "reported-device-or-ip": 3,
};

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const USER_FAILURES_FOR_RISK = 3;
export const IP_FAILURES_FOR_RISK = 10;
const IMPOSSIBLE_SPEED_KMH = 900;
const MIN_TRAVEL_KM = 500;

/** What risk evaluation needs of an earlier event. */
export interface PastSignIn {
  createdAt: number;
  success: boolean;
  ip?: string;
  /** `networkOf(ip)` and `locateIp(ip)`, when the caller has them already. */
  network?: string;
  location?: IpLocation;
  deviceKey?: string;
  feedback?: "Valid" | "Invalid";
}

const networkOfPast = (e: PastSignIn) => e.network ?? networkOf(e.ip);

export interface RiskInput {
  now: number;
  ip?: string;
  deviceKey?: string;
  location: IpLocation;
  /** The user's earlier sign-in events, newest first. */
  history: readonly PastSignIn[];
  /** Failed sign-ins from this IP in the pool within the failure window. */
  ipFailures: number;
}

export interface RiskAssessment {
  level: RiskLevel;
  score: number;
  reasons: RiskReason[];
}

export function assessRisk(input: RiskInput): RiskAssessment {
  const reasons: RiskReason[] = [];
  const network = networkOf(input.ip);
  const successes = input.history.filter((e) => e.success && e.feedback !== "Invalid");
  const trusted = input.history.filter((e) => e.feedback === "Valid");
  const reported = input.history.filter((e) => e.feedback === "Invalid");

  if (
    reported.some(
      (e) =>
        (input.deviceKey !== undefined && e.deviceKey === input.deviceKey) ||
        (input.ip !== undefined && e.ip === input.ip),
    )
  ) {
    reasons.push("reported-device-or-ip");
  }
  if (successes.length > 0) {
    const known = [...successes, ...trusted];
    if (input.deviceKey !== undefined && !known.some((e) => e.deviceKey === input.deviceKey)) {
      reasons.push("new-device");
    }
    if (network !== undefined && !known.some((e) => networkOfPast(e) === network))
      reasons.push("new-network");
    // Feedback "Valid" from this network or device vouches for the journey too.
    const vouched = trusted.some(
      (e) =>
        (network !== undefined && networkOfPast(e) === network) ||
        (input.deviceKey !== undefined && e.deviceKey === input.deviceKey),
    );
    const last = successes[0];
    const km = last ? distanceKm(last.location ?? locateIp(last.ip), input.location) : undefined;
    if (!vouched && last && km !== undefined && km > MIN_TRAVEL_KM) {
      const hours = Math.max(input.now - last.createdAt, 1) / 3_600_000;
      if (km / hours > IMPOSSIBLE_SPEED_KMH) reasons.push("impossible-travel");
    }
  }
  const recentFailures = input.history.filter(
    (e) => !e.success && input.now - e.createdAt <= FAILURE_WINDOW_MS,
  ).length;
  if (recentFailures >= USER_FAILURES_FOR_RISK) reasons.push("failed-attempts-user");
  if (input.ipFailures >= IP_FAILURES_FOR_RISK) reasons.push("failed-attempts-ip");

  const score = reasons.reduce((sum, r) => sum + WEIGHTS[r], 0);
  const level: RiskLevel = score >= 3 ? "High" : score >= 1 ? "Medium" : "Low";
  return { level, score, reasons };
}
