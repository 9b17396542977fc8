import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreDb } from "./db";

const columns = (db: StoreDb, table: string) =>
  (db.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe("StoreDb", () => {
  let dir: string;
  let path: string;
  let db: StoreDb | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "store-db-"));
    path = join(dir, "nested", "store.sqlite");
  });
  afterEach(() => {
    if (db?.sqlite.open) db.close();
    db = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates the folder and every table, in WAL mode", () => {
    db = new StoreDb(path);
    const tables = (
      db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "auth_events",
        "codes",
        "group_members",
        "meta",
        "outbox",
        "refresh_tokens",
        "resources",
        "revoked_origins",
        "sessions",
        "signing_keys",
        "unknown_user_failures",
        "users",
      ]),
    );
    expect(db.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("gives a store written before sessions had second keys and events had outcomes the new columns", () => {
    const old = new Database(join(dir, "old.sqlite"));
    old.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, data TEXT NOT NULL);
      INSERT INTO sessions VALUES ('s1', 5, '{"n":1}');
      CREATE TABLE auth_events (
        event_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, sub TEXT NOT NULL, created_at INTEGER NOT NULL,
        ip TEXT, failed INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
      INSERT INTO auth_events VALUES ('e1', 'p', 's', 1, NULL, 0, '{}');`);
    old.close();
    db = new StoreDb(join(dir, "old.sqlite"));
    expect(columns(db, "sessions")).toContain("alt_key");
    expect(columns(db, "auth_events")).toEqual(
      expect.arrayContaining(["event_type", "outcome", "device_key", "feedback"]),
    );
    expect(db.sqlite.prepare("SELECT event_type, outcome FROM auth_events").get()).toEqual({
      event_type: "SignIn",
      outcome: "InProgress",
    });
    expect(db.sqlite.prepare("SELECT id, alt_key FROM sessions").get()).toEqual({ id: "s1", alt_key: null });
  });

  it("drops every registered cache when a transaction (or a savepoint in one) throws, and only then", () => {
    db = new StoreDb(path);
    const open = db;
    let cleared = 0;
    open.registerCache(() => {
      cleared += 1;
    });
    open.registerCache(() => {
      cleared += 10;
    });
    expect(open.transaction(() => 42)).toBe(42);
    expect(cleared).toBe(0);
    open.transaction(() => {
      open.stmt("INSERT INTO meta (key, value) VALUES ('outer', '1')").run();
      expect(() =>
        open.transaction(() => {
          open.stmt("INSERT INTO meta (key, value) VALUES ('inner', '1')").run();
          throw new Error("inner");
        }),
      ).toThrow("inner");
    });
    expect(cleared).toBe(11);
    expect(open.sqlite.prepare("SELECT key FROM meta ORDER BY key").all()).toEqual([{ key: "outer" }]);
    open.forgetCaches();
    expect(cleared).toBe(22);
  });

  it("reuses prepared statements and hands out an increasing sequence", () => {
    db = new StoreDb(path);
    expect(db.stmt("SELECT 1 AS n")).toBe(db.stmt("SELECT 1 AS n"));
    expect(db.rawStmt("SELECT 1 AS n").get()).toEqual([1]);
    const first = db.nextSeq();
    expect(db.nextSeq()).toBe(first + 1);
    expect(first).toBeGreaterThan(Date.now() - 60_000);
  });
});
