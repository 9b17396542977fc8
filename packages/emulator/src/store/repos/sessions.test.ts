import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionsRepo } from "./sessions";
import { type TempDb, tempDb } from "./temp-db";

describe("SessionsRepo", () => {
  let t: TempDb;
  let sessions: SessionsRepo;
  beforeEach(() => {
    t = tempDb();
    sessions = new SessionsRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("deletes the sessions that expired before now, and their second keys with them", () => {
    sessions.put("old", 99, { n: 1 }, "srp:old");
    sessions.put("edge", 100, { n: 2 });
    sessions.put("new", 101, { n: 3 });
    sessions.deleteExpired(100);
    expect(sessions.get("old")).toBeUndefined();
    expect(sessions.getByAltKey("srp:old")).toBeUndefined();
    expect(sessions.get("edge")).toEqual({ expiresAt: 100, data: { n: 2 } });
    expect(sessions.get("new")).toEqual({ expiresAt: 101, data: { n: 3 } });
    // The second key is free again.
    sessions.put("again", 200, {}, "srp:old");
    expect(sessions.getByAltKey("srp:old")?.id).toBe("again");
  });

  it("answers undefined for an unknown id or second key", () => {
    expect(sessions.get("nope")).toBeUndefined();
    expect(sessions.getByAltKey("nope")).toBeUndefined();
  });
});
