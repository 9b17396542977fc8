/**
 * The sessions table: every read and write the site makes besides next-auth's adapter's own
 * (which this module also builds). The key layout is `session-keys.ts`.
 *
 * @module
 */
import "server-only";
import { DynamoDBAdapter } from "@next-auth/dynamodb-adapter";
import type { Adapter } from "next-auth/adapters";
import { env } from "~/env";
import { dynamo } from "./dynamo";

import {
  COGNITO_ACCOUNT,
  SESSION,
  StoredAccount,
  sessionKey,
  type TableKey,
  userKey,
  userPartition,
} from "./session-keys";

export {
  cognitoAccountKey,
  emailIndexAttributes,
  isCognitoAccountItem,
  StoredAccount,
  sessionKey,
  type TableKey,
  userIdOfKey,
  userKey,
  userPartition,
} from "./session-keys";

/** next-auth's DynamoDB adapter on this table. */
export function tableAdapter(): Adapter {
  return DynamoDBAdapter(dynamo, { tableName: env.SESSIONS_TABLE });
}

/**
 * One query of the user's partition that yields exactly this session, the user and the Cognito
 * account. The key condition spans `ACCOUNT#cognito#…` to `USER#<id>` (accounts, sessions, the
 * user, in sort-key order); the filter (on attributes: DynamoDB filters cannot name key
 * attributes) drops the user's other sessions. Strongly consistent, so a session deleted by
 * "sign out everywhere" is gone from the very next read.
 */
export function sessionRecordsQuery(table: string, userId: string, token: string, startKey?: object) {
  return {
    TableName: table,
    KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
    FilterExpression: "#type <> :session OR sessionToken = :token",
    ExpressionAttributeNames: { "#type": "type" },
    ExpressionAttributeValues: {
      ":pk": userPartition(userId),
      ":from": COGNITO_ACCOUNT,
      ":to": userKey(userId).sk,
      ":session": "SESSION",
      ":token": token,
    },
    ConsistentRead: true,
    ...(startKey ? { ExclusiveStartKey: startKey as Record<string, unknown> } : {}),
  };
}

/** Every item of {@link sessionRecordsQuery}, over as many pages as the partition needs. */
export async function readSessionItems(userId: string, token: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    // A user with very many sessions may need more than one page of the partition.
    const res = await dynamo.query(sessionRecordsQuery(env.SESSIONS_TABLE, userId, token, startKey));
    items.push(...(res.Items ?? []));
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The user of a session token in the adapter's own format, through its `GSI1` index. */
export async function userIdOfIndexedSession(token: string): Promise<string | undefined> {
  const res = await dynamo.query({
    TableName: env.SESSIONS_TABLE,
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :k AND GSI1SK = :k",
    ExpressionAttributeValues: { ":k": `${SESSION}${token}` },
  });
  const userId = res.Items?.[0]?.userId;
  return typeof userId === "string" ? userId : undefined;
}

/** A session's stored fields. */
export interface SessionItem {
  userId: string;
  expires: Date;
}

function sessionItem(item: Record<string, unknown>): SessionItem {
  // The adapter's layout: the TTL attribute holds epoch seconds.
  return { userId: String(item.userId), expires: new Date(Number(item.expires) * 1000) };
}

/** Deletes a session by its key; what it held, or undefined when there was none. */
export async function deleteSessionItem(userId: string, token: string): Promise<SessionItem | undefined> {
  const res = await dynamo.delete({
    TableName: env.SESSIONS_TABLE,
    Key: sessionKey(userId, token),
    ReturnValues: "ALL_OLD",
  });
  return res.Attributes ? sessionItem(res.Attributes) : undefined;
}

/** Sets a new expiry on an existing session (never recreates one deleted meanwhile): undefined then. */
export async function updateSessionExpiry(
  userId: string,
  token: string,
  expires: Date,
): Promise<SessionItem | undefined> {
  try {
    const res = await dynamo.update({
      TableName: env.SESSIONS_TABLE,
      Key: sessionKey(userId, token),
      UpdateExpression: "SET expires = :expires",
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":expires": expires.getTime() / 1000 },
      ReturnValues: "ALL_NEW",
    });
    return res.Attributes ? sessionItem(res.Attributes) : undefined;
  } catch (err) {
    if ((err as Error).name === "ConditionalCheckFailedException") return undefined;
    throw err;
  }
}

/** Every key in the user's partition whose sort key starts with `prefix` (all of it without one). */
async function partitionKeys(userId: string, prefix?: string): Promise<TableKey[]> {
  const keys: TableKey[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.query({
      TableName: env.SESSIONS_TABLE,
      KeyConditionExpression: prefix ? "pk = :pk AND begins_with(sk, :sk)" : "pk = :pk",
      ExpressionAttributeValues: { ":pk": userPartition(userId), ...(prefix ? { ":sk": prefix } : {}) },
      ProjectionExpression: "pk, sk",
      ExclusiveStartKey: start,
    });
    for (const item of res.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    start = res.LastEvaluatedKey;
  } while (start);
  return keys;
}

const BATCH = 25;

/** Deletes these items in batches; unprocessed items are written again until none are left. */
async function deleteKeys(keys: readonly TableKey[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH) {
    let requests = keys.slice(i, i + BATCH).map((Key) => ({ DeleteRequest: { Key } }));
    while (requests.length > 0) {
      const res = await dynamo.batchWrite({ RequestItems: { [env.SESSIONS_TABLE]: requests } });
      requests = (res.UnprocessedItems?.[env.SESSIONS_TABLE] ?? []).flatMap((r) => {
        const key = r.DeleteRequest?.Key;
        return key ? [{ DeleteRequest: { Key: { pk: String(key.pk), sk: String(key.sk) } } }] : [];
      });
    }
  }
}

/** Deletes every session of the user; returns how many there were. */
export async function deleteUserSessions(userId: string): Promise<number> {
  const keys = await partitionKeys(userId, SESSION);
  await deleteKeys(keys);
  return keys.length;
}

/** Deletes the user's whole partition: user record, accounts with their tokens, sessions. */
export async function deleteUserPartition(userId: string): Promise<void> {
  await deleteKeys(await partitionKeys(userId));
}

/**
 * Sets attributes on an existing user record (never creates one). Keys of `values` are
 * attribute names; `undefined` values are left alone.
 */
export async function updateUserRecord(userId: string, values: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  await dynamo.update({
    TableName: env.SESSIONS_TABLE,
    Key: userKey(userId),
    UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(", ")}`,
    ConditionExpression: "attribute_exists(pk)",
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
  });
}

/** One attribute of the user record (undefined when the record or the attribute is missing). */
export async function readUserAttribute(userId: string, attribute: string): Promise<unknown> {
  const res = await dynamo.get({
    TableName: env.SESSIONS_TABLE,
    Key: userKey(userId),
    ProjectionExpression: "#a",
    ExpressionAttributeNames: { "#a": attribute },
  });
  return res.Item?.[attribute];
}

/** The user's Cognito account record, strongly consistent; undefined when none is linked. */
export async function readCognitoAccount(userId: string): Promise<StoredAccount | undefined> {
  const res = await dynamo.query({
    TableName: env.SESSIONS_TABLE,
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
    ExpressionAttributeValues: { ":pk": userPartition(userId), ":sk": COGNITO_ACCOUNT },
    ConsistentRead: true,
  });
  const item = res.Items?.[0];
  return item ? StoredAccount.parse(item) : undefined;
}

/** Tokens as the account record stores them. */
export interface AccountTokens {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_at: number;
}

/** Stores tokens issued at sign-in or refresh on an account record (absent ones are kept). */
export async function saveAccountTokens(key: TableKey, tokens: AccountTokens): Promise<void> {
  const sets = ["access_token = :a", "expires_at = :e"];
  const values: Record<string, unknown> = { ":a": tokens.access_token, ":e": tokens.expires_at };
  if (tokens.id_token) {
    sets.push("id_token = :i");
    values[":i"] = tokens.id_token;
  }
  if (tokens.refresh_token) {
    sets.push("refresh_token = :r");
    values[":r"] = tokens.refresh_token;
  }
  await dynamo.update({
    TableName: env.SESSIONS_TABLE,
    // Only the key attributes: callers may pass a whole stored record.
    Key: { pk: key.pk, sk: key.sk },
    UpdateExpression: `SET ${sets.join(", ")}`,
    ExpressionAttributeValues: values,
  });
}
