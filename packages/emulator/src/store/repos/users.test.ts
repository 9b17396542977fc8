import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Store } from "../store";
import type { UserRecord } from "../types";
import type { UserKeys } from "./users";

const user = (sub: string, username: string, attributes: Record<string, string> = {}): UserRecord => ({
  poolId: "p",
  username,
  sub,
  status: "CONFIRMED",
  enabled: true,
  attributes: { sub, ...attributes },
  mfa: { totpEnabled: false, smsEnabled: false },
  createdAt: 0,
  modifiedAt: 0,
  failedAttempts: 0,
  lastFailedAt: 0,
});

const keys = (usernameKey: string, rest: Partial<UserKeys> = {}): UserKeys => ({
  usernameKey,
  emailKey: null,
  phoneKey: null,
  preferredKey: null,
  ...rest,
});

describe("UsersRepo (through the Store, which gives it the repositories a user's rows live in)", () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "store-users-"));
    store = new Store(join(dir, "store.sqlite"));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds users by phone and preferred username, moves their keys on update, and counts them", () => {
    store.users.insert(user("s1", "alice"), keys("alice", { phoneKey: "+15550100", preferredKey: "al" }));
    store.users.insert(user("s2", "bob"), keys("bob", { phoneKey: "+15550100" }));
    expect(store.users.findByPhone("p", "+15550100").map((u) => u.sub)).toEqual(["s1", "s2"]);
    expect(store.users.findByPreferredUsername("p", "al").map((u) => u.sub)).toEqual(["s1"]);
    store.users.update(
      { ...user("s1", "alice", { email: "a@example.com" }), modifiedAt: 5 },
      keys("alice", { emailKey: "a@example.com" }),
    );
    expect(store.users.findByPhone("p", "+15550100").map((u) => u.sub)).toEqual(["s2"]);
    expect(store.users.findByPreferredUsername("p", "al")).toEqual([]);
    expect(store.users.findByEmail("p", "a@example.com")[0]?.modifiedAt).toBe(5);
    expect(store.users.count("p")).toBe(2);
    expect(store.users.count("other")).toBe(0);
  });

  it("pages users in creation order after a sequence number", () => {
    for (const name of ["a", "b", "c"]) store.users.insert(user(`s-${name}`, name), keys(name));
    const first = store.users.list("p", 0, 2);
    expect(first.map((r) => r.user.username)).toEqual(["a", "b"]);
    const last = first[1];
    if (!last) throw new Error("no page");
    expect(store.users.list("p", last.seq, 2).map((r) => r.user.username)).toEqual(["c"]);
  });

  it("deletes a user with its memberships and codes, and revokes its refresh tokens", () => {
    store.users.insert(user("s1", "alice"), keys("alice"));
    store.users.insert(user("s2", "bob"), keys("bob"));
    for (const sub of ["s1", "s2"]) {
      store.groupMembers.add("p", "admins", sub);
      store.codes.put("p", sub, "signup", "123456", 10);
      store.refreshTokens.put({
        token: `t-${sub}`,
        poolId: "p",
        clientId: "c",
        sub,
        originJti: `o-${sub}`,
        authTime: 0,
        expiresAt: 10,
        revoked: false,
      });
    }
    store.users.delete("p", "s1");
    expect(store.users.getBySub("p", "s1")).toBeUndefined();
    expect(store.users.getByKey("p", "alice")).toBeUndefined();
    expect(store.groupMembers.membersOf("p", "admins")).toEqual(["s2"]);
    expect(store.codes.get("p", "s1", "signup")).toBeUndefined();
    expect(store.codes.get("p", "s2", "signup")?.code).toBe("123456");
    expect(store.refreshTokens.get("t-s1")?.revoked).toBe(true);
    expect(store.refreshTokens.get("t-s2")?.revoked).toBe(false);
    // The username is free again.
    store.users.insert(user("s3", "alice"), keys("alice"));
    expect(store.users.getByKey("p", "alice")?.sub).toBe("s3");
  });

  it("rolls a user's deletion back whole when a transaction around it fails", () => {
    store.users.insert(user("s1", "alice"), keys("alice"));
    store.groupMembers.add("p", "admins", "s1");
    expect(() =>
      store.transaction(() => {
        store.users.delete("p", "s1");
        throw new Error("abort");
      }),
    ).toThrow("abort");
    expect(store.users.getBySub("p", "s1")?.username).toBe("alice");
    expect(store.groupMembers.groupsOf("p", "s1")).toEqual(["admins"]);
  });
});
