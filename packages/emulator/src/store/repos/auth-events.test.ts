import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AuthEventRow, AuthEventsRepo } from "./auth-events";
import { type TempDb, tempDb } from "./temp-db";

const event = (eventId: string, createdAt: number, extra: Partial<AuthEventRow> = {}): AuthEventRow => ({
  eventId,
  poolId: "p",
  sub: "s",
  createdAt,
  eventType: "SignIn",
  outcome: "Pass",
  ip: "198.51.100.7",
  ...extra,
});

describe("AuthEventsRepo", () => {
  let t: TempDb;
  let events: AuthEventsRepo;
  beforeEach(() => {
    t = tempDb();
    events = new AuthEventsRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("counts an IP's failures from a time on, in one pool", () => {
    events.put(event("e1", 10, { outcome: "Fail" }), {});
    events.put(event("e2", 20, { outcome: "Fail" }), {});
    events.put(event("e3", 30, { outcome: "Pass" }), {});
    events.put(event("e4", 40, { outcome: "Fail", ip: "203.0.113.9" }), {});
    events.put(event("e5", 50, { outcome: "Fail", poolId: "q" }), {});
    expect(events.countFailedFromIp("p", "198.51.100.7", 0)).toBe(2);
    expect(events.countFailedFromIp("p", "198.51.100.7", 20)).toBe(1);
    expect(events.countFailedFromIp("p", "198.51.100.7", 21)).toBe(0);
  });

  it("updates an event's outcome and feedback in place, and its failure count with them", () => {
    events.put(event("e1", 10, { outcome: "InProgress" }), { step: 1 });
    events.put(event("e1", 10, { outcome: "Fail" }), { step: 2 });
    expect(events.get<{ step: number }>("e1")).toEqual({ step: 2 });
    expect(events.countFailedFromIp("p", "198.51.100.7", 0)).toBe(1);
    events.put(event("e1", 10, { outcome: "Pass", feedback: "Valid" }), { step: 3 });
    expect(events.countFailedFromIp("p", "198.51.100.7", 0)).toBe(0);
    expect(events.listSignInHistory("p", "s", 5)).toEqual([
      [10, "Pass", "198.51.100.7", null, "Valid", "e1"],
    ]);
    expect(events.get("nope")).toBeUndefined();
  });

  it("keeps other event types out of the sign-in history but lists them with the user's events", () => {
    events.put(event("e1", 10), { n: 1 });
    events.put(event("e2", 20, { eventType: "PasswordChange" }), { n: 2 });
    expect(events.listSignInHistory("p", "s", 5).map((r) => r[5])).toEqual(["e1"]);
    expect(events.list<{ n: number }>("p", "s", 5).map((e) => e.n)).toEqual([2, 1]);
  });

  it("forgets a deleted pool's events and its cached history", () => {
    events.put(event("e1", 10), {});
    expect(events.listSignInHistory("p", "s", 5)).toHaveLength(1);
    events.deletePool("p");
    t.db.forgetCaches();
    expect(events.listSignInHistory("p", "s", 5)).toEqual([]);
    expect(events.get("e1")).toBeUndefined();
  });
});
