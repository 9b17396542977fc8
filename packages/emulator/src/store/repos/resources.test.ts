import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClientRecord, PoolRecord } from "../types";
import { ResourcesRepo } from "./resources";
import { type TempDb, tempDb } from "./temp-db";

const pool = (id: string): PoolRecord => ({
  Id: id,
  Name: `pool ${id}`,
  CreationDate: 0,
  LastModifiedDate: 0,
});
const client = (poolId: string, id: string): ClientRecord => ({
  UserPoolId: poolId,
  ClientId: id,
  ClientName: `client ${id}`,
  CreationDate: 0,
  LastModifiedDate: 0,
});

describe("ResourcesRepo", () => {
  let t: TempDb;
  let resources: ResourcesRepo;
  beforeEach(() => {
    t = tempDb();
    resources = new ResourcesRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("lists a kind in creation order, of one pool or of all, an update keeping the place", () => {
    resources.put("client", "p1", "b", client("p1", "b"));
    resources.put("client", "p2", "c", client("p2", "c"));
    resources.put("client", "p1", "a", client("p1", "a"));
    resources.put("pool", "p1", "p1", pool("p1"));
    resources.put("client", "p1", "b", { ...client("p1", "b"), ClientName: "renamed" });
    expect(resources.list("client", "p1").map((c) => c.ClientName)).toEqual(["renamed", "client a"]);
    expect(resources.list("client", null).map((c) => c.ClientId)).toEqual(["b", "c", "a"]);
    expect(resources.list("pool", null).map((p) => p.Id)).toEqual(["p1"]);
    expect(resources.list("group", "p1")).toEqual([]);
  });

  it("keeps kinds apart, and finds a resource by id in whichever pool it is", () => {
    resources.put("client", "p2", "x", client("p2", "x"));
    resources.put("group", "p2", "x", { GroupName: "x", UserPoolId: "p2" });
    expect(resources.findById("client", "x")?.UserPoolId).toBe("p2");
    expect(resources.get("client", "p1", "x")).toBeUndefined();
    expect(resources.delete("group", "p2", "x")).toBe(true);
    expect(resources.delete("group", "p2", "x")).toBe(false);
    expect(resources.get("client", "p2", "x")?.ClientName).toBe("client x");
  });

  it("reads SQLite again once the cache is forgotten, and a deleted pool's resources are gone", () => {
    resources.put("pool", "p1", "p1", pool("p1"));
    resources.put("client", "p1", "c1", client("p1", "c1"));
    resources.put("client", "p2", "c2", client("p2", "c2"));
    const cached = resources.get("pool", "p1", "p1");
    // Written behind the repository's back: only a forgotten cache sees it.
    t.db.sqlite.prepare("UPDATE resources SET data = ? WHERE kind = 'pool'").run(JSON.stringify(pool("p1b")));
    expect(resources.get("pool", "p1", "p1")).toBe(cached);
    resources.forget();
    expect(resources.get("pool", "p1", "p1")?.Id).toBe("p1b");
    resources.deletePool("p1");
    resources.forget();
    expect(resources.list("client", null).map((c) => c.ClientId)).toEqual(["c2"]);
    expect(resources.findById("client", "c1")).toBeUndefined();
  });
});
