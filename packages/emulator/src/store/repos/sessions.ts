import type { StoreDb } from "../db";

/**
 * Short-lived state by id, JSON with an expiry: sign-in challenge sessions, hosted UI browser
 * sessions, authorization codes, federation state...
 */
export class SessionsRepo {
  constructor(private readonly db: StoreDb) {}

  /**
   * Writes a session; `altKey` (kept when the session is updated) is a second key it can be found
   * by with `getByAltKey`, and goes with it when it is deleted.
   */
  put(id: string, expiresAt: number, data: unknown, altKey?: string): void {
    this.db
      .stmt(
        `INSERT INTO sessions (id, expires_at, data, alt_key) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data`,
      )
      .run(id, expiresAt, JSON.stringify(data), altKey ?? null);
  }

  get<T>(id: string): { expiresAt: number; data: T } | undefined {
    const row = this.db.stmt("SELECT expires_at, data FROM sessions WHERE id = ?").get(id) as
      | { expires_at: number; data: string }
      | undefined;
    return row ? { expiresAt: row.expires_at, data: JSON.parse(row.data) as T } : undefined;
  }

  getByAltKey<T>(altKey: string): { id: string; expiresAt: number; data: T } | undefined {
    const row = this.db.stmt("SELECT id, expires_at, data FROM sessions WHERE alt_key = ?").get(altKey) as
      | { id: string; expires_at: number; data: string }
      | undefined;
    return row ? { id: row.id, expiresAt: row.expires_at, data: JSON.parse(row.data) as T } : undefined;
  }

  delete(id: string): void {
    this.db.stmt("DELETE FROM sessions WHERE id = ?").run(id);
  }

  /** Deletes the sessions that expired before `now`. */
  deleteExpired(now: number): void {
    this.db.stmt("DELETE FROM sessions WHERE expires_at < ?").run(now);
  }
}
