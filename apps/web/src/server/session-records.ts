/**
 * The records behind a session in the sessions table, and how one request reads them in one
 * round trip.
 *
 * next-auth's DynamoDB adapter keeps everything about a user in their partition (the layout is
 * in session-table.ts): the user, the Cognito account with its tokens and one item per session.
 * The adapter finds a session by its token through the `GSI1` index, then reads the user, and
 * the token store read the account: three round trips, the first one on an eventually consistent
 * index. Session tokens here start with the user's ID
 * (`<userId>.<secret>`), so the partition is known from the cookie alone and one strongly
 * consistent query of it returns the session, the user and the account together. Only the exact
 * token names a session item; the user ID in front of it opens nothing by itself.
 *
 * Pure functions only (no I/O): `session-store.ts` reads the items through `session-table.ts`.
 *
 * @module
 */
import { format } from "@next-auth/dynamodb-adapter";
import type { AdapterSession, AdapterUser } from "next-auth/adapters";
import { isCognitoAccountItem, StoredAccount, sessionKey, type TableKey, userKey } from "./session-table";

/** next-auth's user IDs: the adapter's random UUIDs. */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session with its user and, when one is linked, the user's Cognito account. */
export interface SessionRecords {
  session: AdapterSession;
  user: AdapterUser;
  account: StoredAccount | undefined;
}

/** The token of a new session: the user's ID, a dot, then next-auth's random secret. */
export function sessionTokenFor(userId: string, secret: string): string {
  if (!USER_ID.test(userId)) throw new TypeError("A session belongs to a user ID the adapter issued");
  return `${userId}.${secret}`;
}

/** The user ID a session token starts with, or undefined for a token in another format. */
export function userIdOfSessionToken(token: string): string | undefined {
  const dot = token.indexOf(".");
  if (dot < 0 || dot === token.length - 1) return undefined;
  const userId = token.slice(0, dot);
  return USER_ID.test(userId) ? userId : undefined;
}

/**
 * The session, user and account among the partition's items; null unless both the session
 * (exactly this token, of this user) and the user are there.
 */
export function pickSessionRecords(
  items: readonly Record<string, unknown>[],
  userId: string,
  token: string,
): SessionRecords | null {
  const isItem = (key: TableKey) => (item: Record<string, unknown>) =>
    item.pk === key.pk && item.sk === key.sk;
  const sessionItem = items.find(isItem(sessionKey(userId, token)));
  const userItem = items.find(isItem(userKey(userId)));
  if (!sessionItem || !userItem || sessionItem.userId !== userId) return null;
  const session = format.from<AdapterSession>(sessionItem);
  const user = format.from<AdapterUser>(userItem);
  if (!session || !user || !(session.expires instanceof Date)) return null;
  const accountItem = items.find((item) => isCognitoAccountItem(item, userId));
  const account = accountItem ? StoredAccount.safeParse(accountItem) : undefined;
  return { session, user, account: account?.success ? account.data : undefined };
}

/**
 * next-auth's rolling sessions: once `updateAge` seconds have passed since the expiry was last
 * set, a used session gets a new expiry of `maxAge` from now. Undefined while not due.
 */
export function renewedExpiry(
  expires: Date,
  now: Date,
  policy: { maxAge: number; updateAge: number },
): Date | undefined {
  const dueAt = expires.getTime() - policy.maxAge * 1000 + policy.updateAge * 1000;
  return dueAt <= now.getTime() ? new Date(now.getTime() + policy.maxAge * 1000) : undefined;
}

/** What a session shows of its user (never a token): the same shape for every reader. */
export function sessionUser(user: Pick<AdapterUser, "id" | "name" | "email" | "image">) {
  return { id: user.id, name: user.name, email: user.email, image: user.image };
}
