/**
 * Test support: a `StoreDb` on a file in a fresh temporary directory (a real SQLite file, WAL and
 * all, as the emulator runs it), removed with `dispose`.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StoreDb } from "../db";

export interface TempDb {
  db: StoreDb;
  path: string;
  dispose(): void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), "store-repo-"));
  const path = join(dir, "store.sqlite");
  const db = new StoreDb(path);
  return {
    db,
    path,
    dispose() {
      if (db.sqlite.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
