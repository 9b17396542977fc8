import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { Store } from "./store";
import type { UserRecord } from "./types";

const user = (sub: string, username: string, email?: string): UserRecord => ({
  poolId: "us-east-1_P",
  username,
  sub,
  status: "CONFIRMED",
  enabled: true,
  attributes: { sub, ...(email ? { email } : {}) },
  mfa: { totpEnabled: false, smsEnabled: false },
  createdAt: 0,
  modifiedAt: 0,
  failedAttempts: 0,
  lastFailedAt: 0,
});

describe("Store", () => {
  let store: Store;
  afterEach(() => store.close());

  it("finds users by username key, sub and email, and keeps creation order", () => {
    store = new Store(":memory:");
    store.users.insert(user("s1", "alice", "a@example.com"), {
      usernameKey: "alice",
      emailKey: "a@example.com",
      phoneKey: null,
      preferredKey: null,
    });
    store.users.insert(user("s2", "bob"), {
      usernameKey: "bob",
      emailKey: null,
      phoneKey: null,
      preferredKey: null,
    });
    expect(store.users.getByKey("us-east-1_P", "alice")?.sub).toBe("s1");
    expect(store.users.getBySub("us-east-1_P", "s2")?.username).toBe("bob");
    expect(store.users.findByEmail("us-east-1_P", "a@example.com").map((u) => u.sub)).toEqual(["s1"]);
    expect(store.users.list("us-east-1_P", 0, 10).map((r) => r.user.sub)).toEqual(["s1", "s2"]);
    expect(() =>
      store.users.insert(user("s3", "alice"), {
        usernameKey: "alice",
        emailKey: null,
        phoneKey: null,
        preferredKey: null,
      }),
    ).toThrow();
  });

  it("revokes every refresh token of a user and remembers their origins", () => {
    store = new Store(":memory:");
    for (const token of ["t1", "t2"]) {
      store.refreshTokens.put({
        token,
        poolId: "p",
        clientId: "c",
        sub: "s",
        originJti: `o-${token}`,
        authTime: 0,
        expiresAt: 10,
        revoked: false,
      });
    }
    store.refreshTokens.revokeAll("p", "s", 5);
    expect(store.refreshTokens.get("t1")?.revoked).toBe(true);
    expect(store.refreshTokens.isOriginRevoked("o-t2")).toBe(true);
    expect(store.refreshTokens.isOriginRevoked("o-other")).toBe(false);
  });

  it("keeps refresh tokens only as hashes, and moves a store's plaintext ones to hashes on open", () => {
    const path = join(mkdtempSync(join(tmpdir(), "store-")), "store.sqlite");
    // A store as an earlier version wrote it: tokens in plaintext.
    const old = new Database(path);
    old.exec(`CREATE TABLE refresh_tokens (
      token TEXT PRIMARY KEY, pool_id TEXT NOT NULL, client_id TEXT NOT NULL, sub TEXT NOT NULL,
      origin_jti TEXT NOT NULL, auth_time INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX refresh_tokens_by_user ON refresh_tokens (pool_id, sub);
      INSERT INTO refresh_tokens VALUES ('old-token', 'p', 'c', 's', 'o-old', 1, 99, 0);`);
    old.close();

    store = new Store(path);
    expect(store.refreshTokens.get("old-token")).toMatchObject({
      token: "old-token",
      sub: "s",
      revoked: false,
    });
    store.refreshTokens.put({
      token: "new-token",
      poolId: "p",
      clientId: "c",
      sub: "s",
      originJti: "o-new",
      authTime: 2,
      expiresAt: 99,
      revoked: false,
    });
    store.refreshTokens.revokeAll("p", "s", 5);
    expect(store.refreshTokens.get("new-token")?.revoked).toBe(true);
    expect(store.refreshTokens.isOriginRevoked("o-old")).toBe(true);
    const stored = JSON.stringify(store.db.prepare("SELECT * FROM refresh_tokens").all());
    expect(stored).not.toContain("old-token");
    expect(stored).not.toContain("new-token");
    expect(
      store.db
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'refresh_tokens%' ORDER BY name")
        .all(),
    ).toEqual([{ name: "refresh_tokens" }, { name: "refresh_tokens_by_user" }]);
    // Opening it again changes nothing.
    store.close();
    store = new Store(path);
    expect(store.refreshTokens.get("old-token")?.revoked).toBe(true);
  });

  it("finds a session by its second key until it is deleted, and keeps that key when it is updated", () => {
    store = new Store(":memory:");
    store.sessions.put("s1", 100, { n: 1 }, "srp:block");
    store.sessions.put("s2", 100, { n: 2 });
    expect(store.sessions.getByAltKey("srp:block")).toEqual({ id: "s1", expiresAt: 100, data: { n: 1 } });
    store.sessions.put("s1", 200, { n: 3 });
    expect(store.sessions.getByAltKey("srp:block")).toEqual({ id: "s1", expiresAt: 200, data: { n: 3 } });
    expect(() => store.sessions.put("s3", 100, {}, "srp:block")).toThrow();
    store.sessions.delete("s1");
    expect(store.sessions.getByAltKey("srp:block")).toBeUndefined();
    expect(store.sessions.get("s2")?.data).toEqual({ n: 2 });
  });

  it("replaces a code for the same purpose and deletes it", () => {
    store = new Store(":memory:");
    store.codes.put("p", "s", "signup", "111111", 10);
    store.codes.put("p", "s", "signup", "222222", 20);
    expect(store.codes.get("p", "s", "signup")).toEqual({ code: "222222", expiresAt: 20 });
    store.codes.delete("p", "s", "signup");
    expect(store.codes.get("p", "s", "signup")).toBeUndefined();
  });

  it("serves resources from memory, frozen, and sees every put and delete", () => {
    store = new Store(":memory:");
    store.resources.put("client", "p1", "c1", { ClientId: "c1", ClientName: "one", Scopes: ["a"] });
    const first = store.resources.get<{ ClientName: string; Scopes: string[] }>("client", "p1", "c1");
    expect(first?.ClientName).toBe("one");
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.Scopes)).toBe(true);
    expect(store.resources.get("client", "p1", "c1")).toBe(first);
    expect(store.resources.findById("client", "c1")).toBe(first);
    store.resources.put("client", "p1", "c1", { ClientId: "c1", ClientName: "two", Scopes: [] });
    expect(store.resources.get<{ ClientName: string }>("client", "p1", "c1")?.ClientName).toBe("two");
    expect(store.resources.findById<{ ClientName: string }>("client", "c1")?.ClientName).toBe("two");
    expect(store.resources.delete("client", "p1", "c1")).toBe(true);
    expect(store.resources.get("client", "p1", "c1")).toBeUndefined();
    expect(store.resources.findById("client", "c1")).toBeUndefined();
  });

  it("remembers a missing resource until it is created", () => {
    store = new Store(":memory:");
    expect(store.resources.get("group", "p1", "admins")).toBeUndefined();
    store.resources.put("group", "p1", "admins", { GroupName: "admins" });
    expect(store.resources.get("group", "p1", "admins")).toEqual({ GroupName: "admins" });
  });

  it("forgets what a rolled-back transaction read after its own writes", () => {
    store = new Store(":memory:");
    store.resources.put("pool", "p1", "p1", { Name: "before" });
    expect(() =>
      store.transaction(() => {
        store.resources.put("pool", "p1", "p1", { Name: "uncommitted" });
        expect(store.resources.get<{ Name: string }>("pool", "p1", "p1")?.Name).toBe("uncommitted");
        throw new Error("abort");
      }),
    ).toThrow("abort");
    expect(store.resources.get<{ Name: string }>("pool", "p1", "p1")?.Name).toBe("before");
  });

  it("drops a deleted pool's resources from memory", () => {
    store = new Store(":memory:");
    store.resources.put("pool", "p1", "p1", { Name: "p" });
    store.resources.put("client", "p1", "c1", { ClientId: "c1" });
    expect(store.resources.findById("client", "c1")).toBeDefined();
    store.deletePool("p1");
    expect(store.resources.get("pool", "p1", "p1")).toBeUndefined();
    expect(store.resources.findById("client", "c1")).toBeUndefined();
  });

  it("pages auth events newest first without losing events recorded in the same millisecond", () => {
    store = new Store(":memory:");
    for (const [eventId, createdAt] of [
      ["a", 5],
      ["b", 5],
      ["c", 5],
      ["d", 4],
    ] as const) {
      store.authEvents.put(
        { eventId, poolId: "p", sub: "s", createdAt, eventType: "SignIn", outcome: "Pass" },
        { eventId, createdAt },
      );
    }
    const first = store.authEvents.list<{ eventId: string; createdAt: number }>("p", "s", 2);
    expect(first.map((e) => e.eventId)).toEqual(["c", "b"]);
    const last = first[1];
    if (!last) throw new Error("no page");
    const second = store.authEvents.list<{ eventId: string }>("p", "s", 2, last);
    expect(second.map((e) => e.eventId)).toEqual(["a", "d"]);
  });
});
