/**
 * The records behind a session in the sessions table, and how one request reads them in one
 * round trip.
 *
 * next-auth's DynamoDB adapter keeps everything about a user in their partition `USER#<id>`: the
 * user (`sk = USER#<id>`), the Cognito account with its tokens (`ACCOUNT#cognito#<sub>`) and one
 * item per session (`SESSION#<token>`). The adapter finds a session by its token through the
 * `GSI1` index, then reads the user, and the token store read the account: three round trips,
 * the first one on an eventually consistent index. Session tokens here start with the user's ID
 * (`<userId>.<secret>`), so the partition is known from the cookie alone and one strongly
 * consistent query of it returns the session, the user and the account together. Only the exact
 * token names a session item; the user ID in front of it opens nothing by itself.
 *
 * Pure functions only (no I/O): `session-store.ts` runs them against DynamoDB.
 *
 * @module
 */
import { format } from "@next-auth/dynamodb-adapter";
import type { AdapterSession, AdapterUser } from "next-auth/adapters";
import { z } from "zod";

/** next-auth's user IDs: the adapter's random UUIDs. */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sort-key prefix of the Cognito account record (`ACCOUNT#<provider>#<providerAccountId>`). */
export const ACCOUNT_PREFIX = "ACCOUNT#cognito#";

/** The Cognito account record (tokens) that next-auth's adapter keeps for a user. */
export const StoredAccount = z.object({
  pk: z.string(),
  sk: z.string(),
  access_token: z.string(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
  expires_at: z.number(),
});
export type StoredAccount = z.output<typeof StoredAccount>;

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

/** The key of a session's item in its user's partition. */
export function sessionKey(userId: string, token: string): { pk: string; sk: string } {
  return { pk: `USER#${userId}`, sk: `SESSION#${token}` };
}

/**
 * One query of the user's partition that yields exactly this session, the user and the Cognito
 * account. The key condition spans `ACCOUNT#cognito#…` to `USER#<id>` (accounts, sessions, the
 * user, in sort-key order); the filter (on attributes: DynamoDB filters cannot name key
 * attributes) drops the user's other sessions. Strongly consistent, so
 * a session deleted by "sign out everywhere" is gone from the very next read.
 */
export function sessionRecordsQuery(table: string, userId: string, token: string, startKey?: object) {
  const key = sessionKey(userId, token);
  return {
    TableName: table,
    KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
    FilterExpression: "#type <> :session OR sessionToken = :token",
    ExpressionAttributeNames: { "#type": "type" },
    ExpressionAttributeValues: {
      ":pk": key.pk,
      ":from": ACCOUNT_PREFIX,
      ":to": `USER#${userId}`,
      ":session": "SESSION",
      ":token": token,
    },
    ConsistentRead: true,
    ...(startKey ? { ExclusiveStartKey: startKey as Record<string, unknown> } : {}),
  };
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
  const key = sessionKey(userId, token);
  const sessionItem = items.find((item) => item.pk === key.pk && item.sk === key.sk);
  const userItem = items.find((item) => item.pk === key.pk && item.sk === `USER#${userId}`);
  if (!sessionItem || !userItem || sessionItem.userId !== userId) return null;
  const session = format.from<AdapterSession>(sessionItem);
  const user = format.from<AdapterUser>(userItem);
  if (!session || !user || !(session.expires instanceof Date)) return null;
  const accountItem = items.find(
    (item) => item.pk === key.pk && typeof item.sk === "string" && item.sk.startsWith(ACCOUNT_PREFIX),
  );
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
