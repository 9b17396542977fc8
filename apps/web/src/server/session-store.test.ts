import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalSessionsTable } from "~/testing/local-sessions-table";

const TABLE = "sessions-test";
let store: Awaited<ReturnType<typeof startLocalSessionsTable>>;
let sessions: typeof import("./session-store");
let base: Adapter;
let adapter: import("./session-store").SessionAdapter;

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000);

beforeAll(async () => {
  store = await startLocalSessionsTable(TABLE);
  vi.stubEnv("SESSIONS_TABLE", TABLE);
  vi.stubEnv("DYNAMODB_ENDPOINT", store.endpoint);
  sessions = await import("./session-store");
  const { DynamoDBAdapter } = await import("@next-auth/dynamodb-adapter");
  const { dynamo } = await import("./dynamo");
  base = DynamoDBAdapter(dynamo, { tableName: TABLE });
  adapter = sessions.withSessionRecords(base);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await store.close();
});

/** A user with a linked Cognito account, as a first sign-in leaves them. */
async function signedUpUser(email: string): Promise<AdapterUser> {
  const user = await adapter.createUser?.({ email, emailVerified: null, name: email });
  if (!user) throw new Error("the adapter created no user");
  const account: AdapterAccount = {
    userId: user.id,
    type: "oauth",
    provider: "cognito",
    providerAccountId: crypto.randomUUID(),
    access_token: `access-of-${email}`,
    refresh_token: `refresh-of-${email}`,
    expires_at: 1_800_000_000,
    token_type: "bearer",
  };
  await adapter.linkAccount?.(account);
  return user;
}

describe("withSessionRecords", () => {
  it("gives new sessions a token that starts with the user's ID", async () => {
    const user = await signedUpUser("ada@example.com");

    const session = await adapter.createSession({
      sessionToken: "secret-1",
      userId: user.id,
      expires: inAWeek(),
    });

    expect(session.sessionToken).toBe(`${user.id}.secret-1`);
  });

  it("reads the session, its user and the Cognito account in one query, and no other session", async () => {
    const user = await signedUpUser("grace@example.com");
    const mine = await adapter.createSession({ sessionToken: "mine", userId: user.id, expires: inAWeek() });
    await adapter.createSession({ sessionToken: "other-browser", userId: user.id, expires: inAWeek() });

    const records = await sessions.readSessionRecords(mine.sessionToken);

    expect(records?.session).toMatchObject({ sessionToken: mine.sessionToken, userId: user.id });
    expect(records?.user).toMatchObject({ id: user.id, email: "grace@example.com" });
    expect(records?.account).toMatchObject({ access_token: "access-of-grace@example.com" });
    expect(await adapter.getSessionAndUser(mine.sessionToken)).toEqual({
      session: records?.session,
      user: records?.user,
    });
  });

  it("finds nothing for a made-up secret, or for another user's ID in front of a real secret", async () => {
    const alice = await signedUpUser("alice@example.com");
    const mallory = await signedUpUser("mallory@example.com");
    const session = await adapter.createSession({
      sessionToken: "s3cret",
      userId: alice.id,
      expires: inAWeek(),
    });

    expect(await sessions.readSessionRecords(`${alice.id}.guess`)).toBeNull();
    expect(await sessions.readSessionRecords(session.sessionToken.replace(alice.id, mallory.id))).toBeNull();
  });

  it("still reads sessions from before user-prefixed tokens, through the index", async () => {
    const user = await signedUpUser("legacy@example.com");
    const legacy = await base.createSession?.({
      sessionToken: crypto.randomUUID(),
      userId: user.id,
      expires: inAWeek(),
    });
    if (!legacy) throw new Error("no legacy session");

    const records = await sessions.readSessionRecords(legacy.sessionToken);

    expect(records?.session.userId).toBe(user.id);
    expect(records?.account?.access_token).toBe("access-of-legacy@example.com");
    await adapter.deleteSession(legacy.sessionToken);
    expect(await sessions.readSessionRecords(legacy.sessionToken)).toBeNull();
  });

  it("deletes a session by its key, after which it is gone from the next read", async () => {
    const user = await signedUpUser("sign-out@example.com");
    const session = await adapter.createSession({ sessionToken: "bye", userId: user.id, expires: inAWeek() });

    const deleted = await adapter.deleteSession(session.sessionToken);

    expect(deleted).toMatchObject({ sessionToken: session.sessionToken, userId: user.id });
    expect(await sessions.readSessionRecords(session.sessionToken)).toBeNull();
    expect(await adapter.deleteSession(session.sessionToken)).toBeNull();
  });

  it("renews a session's expiry, and never brings back a deleted one", async () => {
    const user = await signedUpUser("renew@example.com");
    const session = await adapter.createSession({
      sessionToken: "renew",
      userId: user.id,
      expires: new Date(Date.now() + 3600_000),
    });
    const later = new Date(Math.floor(inAWeek().getTime() / 1000) * 1000);

    expect(await adapter.updateSession({ sessionToken: session.sessionToken, expires: later })).toMatchObject(
      {
        expires: later,
      },
    );
    expect((await sessions.readSessionRecords(session.sessionToken))?.session.expires).toEqual(later);

    await adapter.deleteSession(session.sessionToken);
    expect(await adapter.updateSession({ sessionToken: session.sessionToken, expires: later })).toBeNull();
    expect(await sessions.readSessionRecords(session.sessionToken)).toBeNull();
  });
});
