import type { StoreDb } from "../db";
import type { PoolScoped } from "./scoped";

export interface UnknownUserFailures {
  failedAttempts: number;
  lastFailedAt: number;
}

/**
 * Failed sign-ins of usernames that do not exist, counted as a user's would be: lockout must not
 * reveal whether a user exists.
 */
export class UnknownUserFailuresRepo implements PoolScoped {
  constructor(private readonly db: StoreDb) {}

  /** Zeros for a username that never failed. */
  get(poolId: string, usernameKey: string): UnknownUserFailures {
    const row = this.db
      .stmt(
        "SELECT failed_attempts, last_failed_at FROM unknown_user_failures WHERE pool_id = ? AND username_key = ?",
      )
      .get(poolId, usernameKey) as { failed_attempts: number; last_failed_at: number } | undefined;
    return { failedAttempts: row?.failed_attempts ?? 0, lastFailedAt: row?.last_failed_at ?? 0 };
  }

  put(poolId: string, usernameKey: string, failedAttempts: number, lastFailedAt: number): void {
    this.db
      .stmt(
        `INSERT INTO unknown_user_failures (pool_id, username_key, failed_attempts, last_failed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(pool_id, username_key) DO UPDATE SET failed_attempts = excluded.failed_attempts,
       last_failed_at = excluded.last_failed_at`,
      )
      .run(poolId, usernameKey, failedAttempts, lastFailedAt);
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM unknown_user_failures WHERE pool_id = ?").run(poolId);
  }
}
