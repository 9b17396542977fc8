import type { StoreDb } from "../db";

/** Key-value settings of the store itself (what the emulator remembers across restarts). */
export class MetaRepo {
  constructor(private readonly db: StoreDb) {}

  get(key: string): string | undefined {
    const row = this.db.stmt("SELECT value FROM meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.db
      .stmt(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(key, value);
  }
}
