/**
 * Sign-ins that happened before a "sign out everywhere" are not accepted again.
 *
 * Cognito's global sign-out revokes refresh tokens but not the hosted UI's own session cookie
 * (AWS documents that it stays valid for its hour), so a browser that signed in before — an
 * attacker's included — could get fresh tokens from it without a password. The user record
 * keeps the time of the last sign-out everywhere; a new session whose authentication (`auth_time`
 * of the ID token, which a reused hosted-UI session keeps) is not later than it is refused, and
 * the user is asked for their password again.
 *
 * @module
 */
import "server-only";
import { readUserAttribute, updateUserRecord } from "./session-table";

/** The user-record attribute holding the time (epoch seconds) of the last sign-out everywhere. */
const ATTRIBUTE = "signInsRevokedAt";

/** Whether a sign-in authenticated at `authTime` predates the revocation (both epoch seconds). */
export function isRevokedSignIn(authTime: unknown, revokedAt: number | undefined): boolean {
  if (revokedAt === undefined) return false;
  // Without an auth_time the authentication cannot be shown to be newer: refuse.
  if (typeof authTime !== "number" || !Number.isFinite(authTime)) return true;
  return authTime <= revokedAt;
}

/** Records that every sign-in up to now is revoked (on next-auth's user record). */
export async function revokeSignIns(userId: string, now: Date = new Date()): Promise<void> {
  await updateUserRecord(userId, { [ATTRIBUTE]: Math.floor(now.getTime() / 1000) });
}

/** The time of the user's last sign-out everywhere, if any. */
export async function signInsRevokedAt(userId: string): Promise<number | undefined> {
  const value = await readUserAttribute(userId, ATTRIBUTE);
  return typeof value === "number" ? value : undefined;
}
