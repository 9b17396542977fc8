import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TempDb, tempDb } from "./temp-db";
import { UnknownUserFailuresRepo } from "./unknown-user-failures";

describe("UnknownUserFailuresRepo", () => {
  let t: TempDb;
  let failures: UnknownUserFailuresRepo;
  beforeEach(() => {
    t = tempDb();
    failures = new UnknownUserFailuresRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("counts from zero for a username that never failed, and keeps the latest count", () => {
    expect(failures.get("p", "ghost")).toEqual({ failedAttempts: 0, lastFailedAt: 0 });
    failures.put("p", "ghost", 1, 10);
    failures.put("p", "ghost", 2, 20);
    expect(failures.get("p", "ghost")).toEqual({ failedAttempts: 2, lastFailedAt: 20 });
    expect(failures.get("q", "ghost")).toEqual({ failedAttempts: 0, lastFailedAt: 0 });
  });

  it("forgets a deleted pool's counts", () => {
    failures.put("p", "ghost", 3, 30);
    failures.deletePool("p");
    expect(failures.get("p", "ghost")).toEqual({ failedAttempts: 0, lastFailedAt: 0 });
  });
});
