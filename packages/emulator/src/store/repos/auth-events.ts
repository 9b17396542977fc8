import type { StoreDb } from "../db";
import { SignInHistoryCache, type SignInHistoryRow } from "../sign-in-history-cache";
import type { PoolScoped } from "./scoped";

/** The indexed columns of an auth event (threat protection); the whole event rides along as JSON. */
export interface AuthEventRow {
  eventId: string;
  poolId: string;
  sub: string;
  createdAt: number;
  eventType: string;
  outcome: "Pass" | "Fail" | "InProgress";
  ip?: string;
  deviceKey?: string;
  feedback?: "Valid" | "Invalid";
}

/** Threat protection's auth events: what AdminListUserAuthEvents lists and risk evaluation reads. */
export class AuthEventsRepo implements PoolScoped {
  /** The latest sign-ins of active users, for risk evaluation (kept in step by `put`). */
  private readonly signInHistory = new SignInHistoryCache();

  constructor(private readonly db: StoreDb) {
    db.registerCache(() => this.signInHistory.clear());
  }

  /** Writes an event, or updates its outcome and feedback. */
  put(event: AuthEventRow, data: unknown): void {
    this.db
      .stmt(
        `INSERT INTO auth_events (event_id, pool_id, sub, created_at, ip, failed, data, event_type, outcome, device_key, feedback)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(event_id) DO UPDATE SET failed = excluded.failed, data = excluded.data,
       outcome = excluded.outcome, feedback = excluded.feedback`,
      )
      .run(
        event.eventId,
        event.poolId,
        event.sub,
        event.createdAt,
        event.ip ?? null,
        event.outcome === "Fail" ? 1 : 0,
        JSON.stringify(data),
        event.eventType,
        event.outcome,
        event.deviceKey ?? null,
        event.feedback ?? null,
      );
    if (event.eventType === "SignIn") {
      this.signInHistory.written(event.poolId, event.sub, [
        event.createdAt,
        event.outcome,
        event.ip ?? null,
        event.deviceKey ?? null,
        event.feedback ?? null,
        event.eventId,
      ]);
    }
  }

  /**
   * What risk evaluation reads of a user's latest sign-ins, newest first: `[createdAt, outcome, ip,
   * deviceKey, feedback, eventId]` rows from the in-memory history of active users, or from SQLite
   * on a miss (no event is decoded). An unchanged history is the same frozen array each time.
   */
  listSignInHistory(poolId: string, sub: string, limit: number): readonly SignInHistoryRow[] {
    const cached = this.signInHistory.get(poolId, sub, limit);
    if (cached) return cached;
    const rows = this.db
      .rawStmt(
        `SELECT created_at, outcome, ip, device_key, feedback, event_id FROM auth_events
       WHERE pool_id = ? AND sub = ? AND event_type = 'SignIn' ORDER BY created_at DESC, event_id DESC LIMIT ?`,
      )
      .all(poolId, sub, limit) as SignInHistoryRow[];
    // Inside a transaction the rows may yet be rolled back: not cached.
    return this.db.inTransaction ? rows : this.signInHistory.set(poolId, sub, limit, rows);
  }

  get<T>(eventId: string): T | undefined {
    const row = this.db.stmt("SELECT data FROM auth_events WHERE event_id = ?").get(eventId) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  /** A user's events, newest first, after the `after` event in that order when given. */
  list<T>(poolId: string, sub: string, limit: number, after?: { createdAt: number; eventId: string }): T[] {
    // Keyset paging on (created_at, event_id): events in the same millisecond are neither lost nor repeated.
    const at = after ?? { createdAt: Number.MAX_SAFE_INTEGER, eventId: "" };
    const rows = this.db
      .stmt(
        `SELECT data FROM auth_events WHERE pool_id = ? AND sub = ?
       AND (created_at < ? OR (created_at = ? AND event_id < ?))
       ORDER BY created_at DESC, event_id DESC LIMIT ?`,
      )
      .all(poolId, sub, at.createdAt, at.createdAt, at.eventId, limit) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  /** Failed events from an IP address at or after `since`. */
  countFailedFromIp(poolId: string, ip: string, since: number): number {
    return (
      this.db
        .stmt(
          "SELECT COUNT(*) AS n FROM auth_events WHERE pool_id = ? AND ip = ? AND created_at >= ? AND failed = 1",
        )
        .get(poolId, ip, since) as { n: number }
    ).n;
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM auth_events WHERE pool_id = ?").run(poolId);
  }
}
