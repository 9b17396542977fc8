import type { Adapter, AdapterUser } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalSessionsTable } from "~/testing/local-sessions-table";

const TABLE = "session-table-test";
let store: Awaited<ReturnType<typeof startLocalSessionsTable>>;
let table: typeof import("./session-table");
let adapter: Adapter;
let dynamo: typeof import("./dynamo").dynamo;

beforeAll(async () => {
  store = await startLocalSessionsTable(TABLE);
  vi.stubEnv("SESSIONS_TABLE", TABLE);
  vi.stubEnv("DYNAMODB_ENDPOINT", store.endpoint);
  table = await import("./session-table");
  dynamo = (await import("./dynamo")).dynamo;
  adapter = table.tableAdapter();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await store.close();
});

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000);

/** A user as a first sign-in leaves them: the user record, the Cognito account, two sessions. */
async function signedInUser(email: string): Promise<{ user: AdapterUser; sub: string; tokens: string[] }> {
  const user = await adapter.createUser?.({ email, emailVerified: null, name: email });
  if (!user) throw new Error("the adapter created no user");
  const sub = crypto.randomUUID();
  await adapter.linkAccount?.({
    userId: user.id,
    type: "oauth",
    provider: "cognito",
    providerAccountId: sub,
    access_token: `access-of-${email}`,
    refresh_token: `refresh-of-${email}`,
    expires_at: 1_800_000_000,
    token_type: "bearer",
  });
  const tokens = [`${user.id}.one`, `${user.id}.two`];
  for (const sessionToken of tokens) {
    await adapter.createSession?.({ sessionToken, userId: user.id, expires: inAWeek() });
  }
  return { user, sub, tokens };
}

const itemAt = async (Key: { pk: string; sk: string }) => (await dynamo.get({ TableName: TABLE, Key })).Item;

describe("key builders", () => {
  it("name the items next-auth's adapter writes", async () => {
    const { user, sub, tokens } = await signedInUser("layout@example.com");

    expect(await itemAt(table.userKey(user.id))).toMatchObject({
      id: user.id,
      email: "layout@example.com",
      ...table.emailIndexAttributes("layout@example.com"),
    });
    expect(await itemAt(table.cognitoAccountKey(user.id, sub))).toMatchObject({ providerAccountId: sub });
    expect(await itemAt(table.sessionKey(user.id, tokens[0] ?? ""))).toMatchObject({ userId: user.id });
  });

  it("read the user ID back from a key of the user's partition, and refuse any other key", () => {
    expect(table.userIdOfKey(table.cognitoAccountKey("u-1", "sub"))).toBe("u-1");
    expect(() => table.userIdOfKey({ pk: "NOTE#1" })).toThrow(TypeError);
  });
});

describe("sessionRecordsQuery", () => {
  it("reads only the user's partition, strongly consistent, from the account to the user record", () => {
    const query = table.sessionRecordsQuery("sessions", "u-1", "u-1.secret");
    expect(query).toMatchObject({
      TableName: "sessions",
      ConsistentRead: true,
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
      ExpressionAttributeValues: {
        ":pk": table.userKey("u-1").pk,
        ":from": table.cognitoAccountKey("u-1", "").sk,
        ":to": table.userKey("u-1").sk,
        ":token": "u-1.secret",
      },
    });
    expect(query).not.toHaveProperty("ExclusiveStartKey");
    expect(table.sessionRecordsQuery("sessions", "u-1", "t", { pk: "p", sk: "s" }).ExclusiveStartKey).toEqual(
      { pk: "p", sk: "s" },
    );
  });

  it("yields this session, the user and the account, and none of the user's other sessions", async () => {
    const { user, tokens } = await signedInUser("records@example.com");

    const items = await table.readSessionItems(user.id, tokens[0] ?? "");

    expect(items.map((item) => item.sk).sort()).toEqual(
      [
        table.sessionKey(user.id, tokens[0] ?? "").sk,
        table.userKey(user.id).sk,
        String(items.find((item) => table.isCognitoAccountItem(item, user.id))?.sk),
      ].sort(),
    );
  });
});

describe("session operations", () => {
  it("renew an existing session's expiry and never bring back a deleted one", async () => {
    const { user, tokens } = await signedInUser("renew-table@example.com");
    const token = tokens[0] ?? "";
    const later = new Date(Math.floor(inAWeek().getTime() / 1000) * 1000 + 3600_000);

    expect(await table.updateSessionExpiry(user.id, token, later)).toEqual({
      userId: user.id,
      expires: later,
    });
    expect(await table.deleteSessionItem(user.id, token)).toEqual({ userId: user.id, expires: later });
    expect(await table.deleteSessionItem(user.id, token)).toBeUndefined();
    expect(await table.updateSessionExpiry(user.id, token, later)).toBeUndefined();
    expect(await itemAt(table.sessionKey(user.id, token))).toBeUndefined();
  });

  it("find a session in the adapter's own token format through the index", async () => {
    const { user } = await signedInUser("legacy-table@example.com");
    const legacy = crypto.randomUUID();
    await adapter.createSession?.({ sessionToken: legacy, userId: user.id, expires: inAWeek() });

    expect(await table.userIdOfIndexedSession(legacy)).toBe(user.id);
    expect(await table.userIdOfIndexedSession(crypto.randomUUID())).toBeUndefined();
  });

  it("delete every session of the user and nothing else", async () => {
    const { user, sub, tokens } = await signedInUser("sessions-gone@example.com");
    const other = await signedInUser("someone-else@example.com");

    expect(await table.deleteUserSessions(user.id)).toBe(2);

    for (const token of tokens) expect(await itemAt(table.sessionKey(user.id, token))).toBeUndefined();
    expect(await itemAt(table.userKey(user.id))).toBeDefined();
    expect(await itemAt(table.cognitoAccountKey(user.id, sub))).toBeDefined();
    expect(await itemAt(table.sessionKey(other.user.id, other.tokens[0] ?? ""))).toBeDefined();
  });

  it("delete the user's whole partition", async () => {
    const { user, sub } = await signedInUser("partition-gone@example.com");

    await table.deleteUserPartition(user.id);

    expect(await itemAt(table.userKey(user.id))).toBeUndefined();
    expect(await itemAt(table.cognitoAccountKey(user.id, sub))).toBeUndefined();
    expect(await table.readCognitoAccount(user.id)).toBeUndefined();
  });
});

describe("user record operations", () => {
  it("set attributes the adapter then reads, the email index included", async () => {
    const { user } = await signedInUser("before@example.com");

    await table.updateUserRecord(user.id, {
      name: "Renamed",
      email: "after@example.com",
      ...table.emailIndexAttributes("after@example.com"),
      skipped: undefined,
    });

    expect(await adapter.getUserByEmail?.("after@example.com")).toMatchObject({
      id: user.id,
      name: "Renamed",
    });
    expect(await adapter.getUserByEmail?.("before@example.com")).toBeNull();
    expect(await table.readUserAttribute(user.id, "name")).toBe("Renamed");
    expect(await table.readUserAttribute(user.id, "skipped")).toBeUndefined();
  });

  it("never create a user record that is not there", async () => {
    await expect(table.updateUserRecord(crypto.randomUUID(), { name: "ghost" })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
  });
});

describe("account operations", () => {
  it("read the Cognito account and store refreshed tokens on it, keeping absent ones", async () => {
    const { user } = await signedInUser("tokens@example.com");
    const account = await table.readCognitoAccount(user.id);
    if (!account) throw new Error("no account");

    await table.saveAccountTokens(account, { access_token: "new-access", expires_at: 1_900_000_000 });

    expect(await table.readCognitoAccount(user.id)).toMatchObject({
      access_token: "new-access",
      refresh_token: "refresh-of-tokens@example.com",
      expires_at: 1_900_000_000,
    });
  });
});
