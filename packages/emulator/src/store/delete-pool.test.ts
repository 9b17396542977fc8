import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Store } from "./store";
import type { UserRecord } from "./types";

const user = (poolId: string, sub: string): UserRecord => ({
  poolId,
  username: sub,
  sub,
  status: "CONFIRMED",
  enabled: true,
  attributes: { sub },
  mfa: { totpEnabled: false, smsEnabled: false },
  createdAt: 0,
  modifiedAt: 0,
  failedAttempts: 0,
  lastFailedAt: 0,
});

/** One row of a pool in every repository that holds pool rows. */
function fill(store: Store, poolId: string): void {
  store.resources.put("pool", poolId, poolId, { Id: poolId, Name: poolId });
  store.users.insert(user(poolId, "s"), {
    usernameKey: "s",
    emailKey: null,
    phoneKey: null,
    preferredKey: null,
  });
  store.groupMembers.add(poolId, "g", "s");
  store.codes.put(poolId, "s", "signup", "123456", 10);
  store.refreshTokens.put({
    token: `t-${poolId}`,
    poolId,
    clientId: "c",
    sub: "s",
    originJti: `o-${poolId}`,
    authTime: 0,
    expiresAt: 10,
    revoked: false,
  });
  store.signingKeys.put(poolId, "id", { kid: "k", privateKeyPem: "pem", publicJwk: {} });
  store.authEvents.put(
    { eventId: `e-${poolId}`, poolId, sub: "s", createdAt: 1, eventType: "SignIn", outcome: "Fail" },
    {},
  );
  store.unknownUserFailures.put(poolId, "ghost", 1, 1);
}

describe("Store.deletePool", () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "store-pool-"));
    store = new Store(join(dir, "store.sqlite"));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("empties every repository of the pool, other pools and the pool-less rows staying", () => {
    fill(store, "p");
    fill(store, "q");
    store.sessions.put("sess", 10, {});
    store.meta.set("k", "v");
    store.outbox.add({
      createdAt: 1,
      poolId: "p",
      medium: "EMAIL",
      recipient: "a@example.com",
      subject: null,
      body: "hi",
      kind: "signup",
    });
    // Read once, so the caches hold the pool's rows.
    expect(store.resources.get("pool", "p", "p")).toBeDefined();
    expect(store.authEvents.listSignInHistory("p", "s", 5)).toHaveLength(1);

    store.deletePool("p");

    expect(store.resources.get("pool", "p", "p")).toBeUndefined();
    expect(store.users.getBySub("p", "s")).toBeUndefined();
    expect(store.groupMembers.membersOf("p", "g")).toEqual([]);
    expect(store.codes.get("p", "s", "signup")).toBeUndefined();
    expect(store.refreshTokens.get("t-p")).toBeUndefined();
    expect(store.signingKeys.get("p", "id")).toBeUndefined();
    expect(store.authEvents.listSignInHistory("p", "s", 5)).toEqual([]);
    expect(store.authEvents.get("e-p")).toBeUndefined();
    expect(store.unknownUserFailures.get("p", "ghost").failedAttempts).toBe(0);

    expect(store.resources.get("pool", "q", "q")).toBeDefined();
    expect(store.users.getBySub("q", "s")).toBeDefined();
    expect(store.groupMembers.membersOf("q", "g")).toEqual(["s"]);
    expect(store.codes.get("q", "s", "signup")).toBeDefined();
    expect(store.refreshTokens.get("t-q")).toBeDefined();
    expect(store.signingKeys.get("q", "id")).toBeDefined();
    expect(store.authEvents.get("e-q")).toBeDefined();
    expect(store.unknownUserFailures.get("q", "ghost").failedAttempts).toBe(1);
    expect(store.sessions.get("sess")).toBeDefined();
    expect(store.meta.get("k")).toBe("v");
    expect(store.outbox.list(undefined)).toHaveLength(1);
  });
});
