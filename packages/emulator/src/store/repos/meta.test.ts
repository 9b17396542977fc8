import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreDb } from "../db";
import { MetaRepo } from "./meta";
import { type TempDb, tempDb } from "./temp-db";

describe("MetaRepo", () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.dispose());

  it("answers undefined for an unknown key and the latest value once set, across a reopen", () => {
    const meta = new MetaRepo(t.db);
    expect(meta.get("infra-seed")).toBeUndefined();
    meta.set("infra-seed", "one");
    meta.set("infra-seed", "two");
    expect(meta.get("infra-seed")).toBe("two");
    t.db.close();
    t.db = new StoreDb(t.path);
    expect(new MetaRepo(t.db).get("infra-seed")).toBe("two");
  });
});
