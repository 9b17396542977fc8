/**
 * The latest sign-ins of recently active users, in memory, kept in step with every auth event the
 * store writes. Risk evaluation reads a user's history on every sign-in; served from here it costs
 * neither a query nor a fresh array of rows, and an unchanged history is the same (frozen) array
 * each time, so what callers derive from it can be memoised on its identity.
 *
 * Bounded: at most `capacity` users (least recently used dropped first), each with the rows of the
 * longest history asked for. A miss is read from SQLite by the store and put here.
 *
 * @module
 */

/** `[createdAt, outcome, ip, deviceKey, feedback, eventId]` of one earlier sign-in. */
export type SignInHistoryRow = readonly [
  createdAt: number,
  outcome: "Pass" | "Fail" | "InProgress",
  ip: string | null,
  deviceKey: string | null,
  feedback: "Valid" | "Invalid" | null,
  eventId: string,
];

interface Entry {
  /** Newest first: `createdAt` descending, then `eventId` descending (the store's order). */
  rows: readonly SignInHistoryRow[];
  /** How many rows the entry holds at most (the limit it was read with). */
  cap: number;
  /** True when the user has no sign-ins beyond `rows`. */
  complete: boolean;
}

/** True when `a` comes before `b` in the history's order (newer first). */
function newer(a: SignInHistoryRow, b: SignInHistoryRow): boolean {
  return a[0] !== b[0] ? a[0] > b[0] : a[5] > b[5];
}

export class SignInHistoryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 10_000) {}

  private static key(poolId: string, sub: string): string {
    return `${poolId}\u0000${sub}`;
  }

  /** The `limit` latest rows, when the cached entry can answer for that many. */
  get(poolId: string, sub: string, limit: number): readonly SignInHistoryRow[] | undefined {
    const key = SignInHistoryCache.key(poolId, sub);
    const entry = this.entries.get(key);
    if (!entry || (entry.rows.length < limit && !entry.complete)) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.rows.length <= limit ? entry.rows : Object.freeze(entry.rows.slice(0, limit));
  }

  /** What the store read for `limit` rows (fewer means there are no more). */
  set(
    poolId: string,
    sub: string,
    limit: number,
    rows: readonly SignInHistoryRow[],
  ): readonly SignInHistoryRow[] {
    const frozen = Object.freeze(rows.map((row) => Object.freeze(row)));
    const key = SignInHistoryCache.key(poolId, sub);
    this.entries.delete(key);
    this.entries.set(key, { rows: frozen, cap: limit, complete: rows.length < limit });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return frozen;
  }

  /**
   * A sign-in event was written (new, or updated with its outcome or feedback): a cached history
   * gets it in its place. Events older than a partial history's last row are not its business.
   */
  written(poolId: string, sub: string, row: SignInHistoryRow): void {
    const entry = this.entries.get(SignInHistoryCache.key(poolId, sub));
    if (!entry) return;
    const frozen = Object.freeze(row);
    const at = entry.rows.findIndex((r) => r[5] === row[5]);
    if (at >= 0) {
      // Updated in place: an event's time and id never change.
      entry.rows = Object.freeze(entry.rows.map((r, i) => (i === at ? frozen : r)));
      return;
    }
    const first = entry.rows[0];
    if (first === undefined || newer(frozen, first)) {
      // The usual case: the newest sign-in.
      const rows = [frozen, ...entry.rows];
      if (rows.length > entry.cap) {
        rows.length = entry.cap;
        entry.complete = false;
      }
      entry.rows = Object.freeze(rows);
      return;
    }
    let position = entry.rows.findIndex((r) => newer(frozen, r));
    if (position < 0) {
      if (!entry.complete) return;
      position = entry.rows.length;
    }
    const rows = [...entry.rows.slice(0, position), frozen, ...entry.rows.slice(position)];
    if (rows.length > entry.cap) {
      rows.length = entry.cap;
      entry.complete = false;
    }
    entry.rows = Object.freeze(rows);
  }

  /** Forgets everything (a pool deleted, a transaction rolled back). */
  clear(): void {
    this.entries.clear();
  }
}
