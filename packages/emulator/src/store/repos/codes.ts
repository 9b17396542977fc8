import type { StoreDb } from "../db";
import type { PoolScoped, UserScoped } from "./scoped";

export interface CodeRow {
  code: string;
  expiresAt: number;
}

/** One-time codes sent to a user (sign-up confirmation, password reset, ...), one per purpose. */
export class CodesRepo implements PoolScoped, UserScoped {
  constructor(private readonly db: StoreDb) {}

  /** Replaces the user's code for the purpose. */
  put(poolId: string, sub: string, purpose: string, code: string, expiresAt: number): void {
    this.db
      .stmt(
        `INSERT INTO codes (pool_id, sub, purpose, code, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(pool_id, sub, purpose) DO UPDATE SET code = excluded.code, expires_at = excluded.expires_at`,
      )
      .run(poolId, sub, purpose, code, expiresAt);
  }

  get(poolId: string, sub: string, purpose: string): CodeRow | undefined {
    const row = this.db
      .stmt("SELECT code, expires_at FROM codes WHERE pool_id = ? AND sub = ? AND purpose = ?")
      .get(poolId, sub, purpose) as { code: string; expires_at: number } | undefined;
    return row ? { code: row.code, expiresAt: row.expires_at } : undefined;
  }

  delete(poolId: string, sub: string, purpose: string): void {
    this.db.stmt("DELETE FROM codes WHERE pool_id = ? AND sub = ? AND purpose = ?").run(poolId, sub, purpose);
  }

  deleteUser(poolId: string, sub: string): void {
    this.db.stmt("DELETE FROM codes WHERE pool_id = ? AND sub = ?").run(poolId, sub);
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM codes WHERE pool_id = ?").run(poolId);
  }
}
