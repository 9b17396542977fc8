import "server-only";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import { cache } from "react";
import {
  pickSessionRecords,
  type SessionRecords,
  sessionTokenFor,
  userIdOfSessionToken,
} from "./session-records";
import {
  deleteSessionItem,
  readSessionItems,
  type StoredAccount,
  updateSessionExpiry,
  userIdOfIndexedSession,
} from "./session-table";

/**
 * Reads a session with its user and Cognito account in one strongly consistent query of the
 * user's partition (see session-records.ts). Tokens in the adapter's own format (sessions from
 * before user-prefixed tokens) are first looked up through its `GSI1` index.
 */
export async function readSessionRecords(token: string): Promise<SessionRecords | null> {
  const userId = userIdOfSessionToken(token) ?? (await userIdOfIndexedSession(token));
  if (!userId) return null;
  return pickSessionRecords(await readSessionItems(userId, token), userId, token);
}

/**
 * The Cognito accounts read with this request's session, by user ID, so the token store does not
 * read them again. One map per server render (React `cache`); outside a render nothing is
 * shared and every reader goes to the table.
 */
export const requestAccounts = cache(() => new Map<string, StoredAccount>());

/** The session records of this request's session token, read once per render. */
export const sessionRecordsForRequest = cache(async (token: string): Promise<SessionRecords | null> => {
  const records = await readSessionRecords(token);
  if (records?.account) requestAccounts().set(records.session.userId, records.account);
  return records;
});

/** An adapter whose session methods are all there. */
export type SessionAdapter = Adapter &
  Required<Pick<Adapter, "createSession" | "getSessionAndUser" | "updateSession" | "deleteSession">>;

/**
 * next-auth's DynamoDB adapter with sessions that the site reads in one round trip: new session
 * tokens carry the user's ID, and sessions are read, renewed and deleted by their key in the
 * user's partition (the index stays for sessions from before).
 */
export function withSessionRecords(base: Adapter): SessionAdapter {
  const required = <K extends keyof Adapter>(name: K): NonNullable<Adapter[K]> => {
    const method = base[name];
    if (!method) throw new TypeError(`The adapter has no ${name}`);
    return method.bind(base) as NonNullable<Adapter[K]>;
  };
  const createSession = required("createSession");
  const updateSession = required("updateSession");
  const deleteSession = required("deleteSession");
  return {
    ...base,
    createSession(data) {
      return createSession({ ...data, sessionToken: sessionTokenFor(data.userId, data.sessionToken) });
    },
    async getSessionAndUser(token) {
      const records = await readSessionRecords(token);
      return records ? { session: records.session, user: records.user } : null;
    },
    async updateSession(session) {
      const userId = userIdOfSessionToken(session.sessionToken);
      if (!userId || !session.expires) return updateSession(session);
      return renewSession(userId, session.sessionToken, session.expires);
    },
    async deleteSession(token): Promise<AdapterSession | null | undefined> {
      const userId = userIdOfSessionToken(token);
      if (!userId) return (await deleteSession(token)) ?? null;
      const deleted = await deleteSessionItem(userId, token);
      return deleted ? { ...deleted, sessionToken: token } : null;
    },
  };
}

/** Sets a new expiry on an existing session (never recreates one that was deleted meanwhile). */
export async function renewSession(
  userId: string,
  token: string,
  expires: Date,
): Promise<AdapterSession | null> {
  const renewed = await updateSessionExpiry(userId, token, expires);
  return renewed ? { ...renewed, sessionToken: token } : null;
}
