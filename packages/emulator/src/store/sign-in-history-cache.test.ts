import { afterEach, describe, expect, it } from "vitest";
import type { SignInHistoryRow } from "./sign-in-history-cache";
import { Store } from "./store";

let store: Store | undefined;
afterEach(() => store?.close());

const signIn = (
  eventId: string,
  createdAt: number,
  extra: { outcome?: "Pass" | "Fail"; feedback?: "Valid" | "Invalid" } = {},
) => ({
  eventId,
  poolId: "p",
  sub: "s",
  createdAt,
  eventType: "SignIn",
  outcome: extra.outcome ?? ("Pass" as const),
  ip: "198.51.100.7",
  ...(extra.feedback ? { feedback: extra.feedback } : {}),
});

/** What SQLite holds, bypassing the cache (the reference every cached answer must equal). */
function fromDisk(s: Store, limit: number): SignInHistoryRow[] {
  return s.db
    .prepare(
      `SELECT created_at, outcome, ip, device_key, feedback, event_id FROM auth_events
       WHERE pool_id = 'p' AND sub = 's' AND event_type = 'SignIn' ORDER BY created_at DESC, event_id DESC LIMIT ?`,
    )
    .raw(true)
    .all(limit) as SignInHistoryRow[];
}

describe("the store's history of recent sign-ins", () => {
  it("answers as SQLite does after inserts, out-of-order times, updates and other event types", () => {
    store = new Store(":memory:");
    for (let i = 0; i < 30; i++)
      store.authEvents.put(signIn(`e${String(i).padStart(2, "0")}`, 1000 + i * 10), {});
    const first = store.authEvents.listSignInHistory("p", "s", 20);
    expect(first).toEqual(fromDisk(store, 20));
    // Unchanged: the very same frozen array.
    expect(store.authEvents.listSignInHistory("p", "s", 20)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    store.authEvents.put(signIn("e99", 5000, { outcome: "Fail" }), {}); // newest
    store.authEvents.put(signIn("e50", 1155), {}); // between two cached rows
    store.authEvents.put(signIn("e00", 1000, { feedback: "Invalid" }), {}); // older than the window: not kept
    store.authEvents.put(signIn("e25", 1250, { feedback: "Valid" }), {}); // feedback on a cached event
    store.authEvents.put({ ...signIn("su", 9000), eventType: "SignUp" }, {}); // not a sign-in
    const after = store.authEvents.listSignInHistory("p", "s", 20);
    expect(after).not.toBe(first);
    expect(after).toEqual(fromDisk(store, 20));
    expect(store.authEvents.listSignInHistory("p", "s", 25)).toEqual(fromDisk(store, 25));
    expect(store.authEvents.listSignInHistory("p", "s", 5)).toEqual(fromDisk(store, 5));
  });

  it("keeps a short history complete, and forgets a pool that is deleted", () => {
    store = new Store(":memory:");
    store.authEvents.put(signIn("a", 10), {});
    expect(store.authEvents.listSignInHistory("p", "s", 20)).toEqual(fromDisk(store, 20));
    store.authEvents.put(signIn("b", 5), {}); // older than every cached row, but the history is complete
    store.authEvents.put(signIn("c", 20), {});
    expect(store.authEvents.listSignInHistory("p", "s", 20).map((r) => r[5])).toEqual(["c", "a", "b"]);
    store.deletePool("p");
    expect(store.authEvents.listSignInHistory("p", "s", 20)).toEqual([]);
  });

  it("does not keep what a rolled-back transaction read or wrote", () => {
    store = new Store(":memory:");
    const s = store;
    s.authEvents.put(signIn("a", 10), {});
    expect(s.authEvents.listSignInHistory("p", "s", 20)).toHaveLength(1);
    expect(() =>
      s.transaction(() => {
        s.authEvents.put(signIn("b", 20), {});
        expect(s.authEvents.listSignInHistory("p", "s", 20)).toHaveLength(2);
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(s.authEvents.listSignInHistory("p", "s", 20)).toEqual(fromDisk(s, 20));
    expect(s.authEvents.listSignInHistory("p", "s", 20)).toHaveLength(1);
  });
});
