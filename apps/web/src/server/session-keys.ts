/**
 * The layout of the sessions table, and the only place that spells its keys. Pure (no server
 * imports), so the end-to-end fixtures that read the table locally use the same layout.
 *
 * next-auth's DynamoDB adapter keeps everything about a user in their partition `USER#<id>`: the
 * user (`sk = USER#<id>`, indexed by email in `GSI1` as `USER#<email>`), the Cognito account with
 * its tokens (`ACCOUNT#cognito#<sub>`) and one item per session (`SESSION#<token>`, indexed by
 * token in `GSI1`).
 *
 * @module
 */
import { z } from "zod";

/** A key of the table: partition `pk`, sort `sk`. */
export interface TableKey {
  pk: string;
  sk: string;
}

export const USER = "USER#";
export const SESSION = "SESSION#";
/** Sort-key prefix of the Cognito account record (`ACCOUNT#<provider>#<providerAccountId>`). */
export const COGNITO_ACCOUNT = "ACCOUNT#cognito#";

/** The partition holding everything about a user. */
export const userPartition = (userId: string): string => `${USER}${userId}`;

/** next-auth's user record. */
export const userKey = (userId: string): TableKey => ({ pk: userPartition(userId), sk: `${USER}${userId}` });

/** A session's item in its user's partition. */
export const sessionKey = (userId: string, token: string): TableKey => ({
  pk: userPartition(userId),
  sk: `${SESSION}${token}`,
});

/** The user's Cognito account record (`providerAccountId` is the Cognito `sub`). */
export const cognitoAccountKey = (userId: string, providerAccountId: string): TableKey => ({
  pk: userPartition(userId),
  sk: `${COGNITO_ACCOUNT}${providerAccountId}`,
});

/** The user ID whose partition a key is in. */
export function userIdOfKey(key: Pick<TableKey, "pk">): string {
  if (!key.pk.startsWith(USER)) throw new TypeError("Not a key of a user's partition");
  return key.pk.slice(USER.length);
}

/** Whether an item is a Cognito account record of the user. */
export const isCognitoAccountItem = (item: Record<string, unknown>, userId: string): boolean =>
  item.pk === userPartition(userId) && typeof item.sk === "string" && item.sk.startsWith(COGNITO_ACCOUNT);

/** The `GSI1` attributes of a user record: the adapter finds users by email through them. */
export const emailIndexAttributes = (email: string) => ({
  GSI1PK: `${USER}${email}`,
  GSI1SK: `${USER}${email}`,
});

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
