import "server-only";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import { cache } from "react";
import { env } from "~/env";
import { dynamo } from "./dynamo";
import {
  pickSessionRecords,
  type SessionRecords,
  type StoredAccount,
  sessionKey,
  sessionRecordsQuery,
  sessionTokenFor,
  userIdOfSessionToken,
} from "./session-records";

/**
 * Reads a session with its user and Cognito account in one strongly consistent query of the
 * user's partition (see session-records.ts). Tokens in the adapter's own format (sessions from
 * before user-prefixed tokens) are first looked up through its `GSI1` index.
 */
export async function readSessionRecords(token: string): Promise<SessionRecords | null> {
  const userId = userIdOfSessionToken(token) ?? (await userIdFromIndex(token));
  if (!userId) return null;
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    // A user with very many sessions may need more than one page of the partition.
    const res = await dynamo.query(sessionRecordsQuery(env.SESSIONS_TABLE, userId, token, startKey));
    items.push(...(res.Items ?? []));
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return pickSessionRecords(items, userId, token);
}

async function userIdFromIndex(token: string): Promise<string | undefined> {
  const res = await dynamo.query({
    TableName: env.SESSIONS_TABLE,
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :k AND GSI1SK = :k",
    ExpressionAttributeValues: { ":k": `SESSION#${token}` },
  });
  const userId = res.Items?.[0]?.userId;
  return typeof userId === "string" ? userId : undefined;
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
      const res = await dynamo.delete({
        TableName: env.SESSIONS_TABLE,
        Key: sessionKey(userId, token),
        ReturnValues: "ALL_OLD",
      });
      return res.Attributes ? { ...sessionFields(res.Attributes), sessionToken: token } : null;
    },
  };
}

/** Sets a new expiry on an existing session (never recreates one that was deleted meanwhile). */
export async function renewSession(
  userId: string,
  token: string,
  expires: Date,
): Promise<AdapterSession | null> {
  try {
    const res = await dynamo.update({
      TableName: env.SESSIONS_TABLE,
      Key: sessionKey(userId, token),
      UpdateExpression: "SET expires = :expires",
      ConditionExpression: "attribute_exists(pk)",
      // The adapter's layout: the TTL attribute holds epoch seconds.
      ExpressionAttributeValues: { ":expires": expires.getTime() / 1000 },
      ReturnValues: "ALL_NEW",
    });
    return res.Attributes ? { ...sessionFields(res.Attributes), sessionToken: token } : null;
  } catch (err) {
    if ((err as Error).name === "ConditionalCheckFailedException") return null;
    throw err;
  }
}

function sessionFields(item: Record<string, unknown>): Omit<AdapterSession, "sessionToken"> {
  return {
    userId: String(item.userId),
    expires: new Date(Number(item.expires) * 1000),
  };
}
