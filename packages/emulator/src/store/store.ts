import { hash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SignInHistoryCache, type SignInHistoryRow } from "./sign-in-history-cache";
import type { UserRecord } from "./types";

export type { SignInHistoryRow } from "./sign-in-history-cache";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS resources (
  kind TEXT NOT NULL, pool_id TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
  seq INTEGER NOT NULL, PRIMARY KEY (kind, pool_id, id)
);
CREATE INDEX IF NOT EXISTS resources_by_id ON resources (kind, id);
CREATE TABLE IF NOT EXISTS users (
  pool_id TEXT NOT NULL, username_key TEXT NOT NULL, sub TEXT NOT NULL,
  email_key TEXT, phone_key TEXT, preferred_key TEXT, seq INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (pool_id, username_key)
);
CREATE UNIQUE INDEX IF NOT EXISTS users_by_sub ON users (pool_id, sub);
CREATE INDEX IF NOT EXISTS users_by_email ON users (pool_id, email_key);
CREATE INDEX IF NOT EXISTS users_by_phone ON users (pool_id, phone_key);
CREATE INDEX IF NOT EXISTS users_by_preferred ON users (pool_id, preferred_key);
CREATE INDEX IF NOT EXISTS users_by_seq ON users (pool_id, seq);
CREATE TABLE IF NOT EXISTS group_members (
  pool_id TEXT NOT NULL, group_name TEXT NOT NULL, sub TEXT NOT NULL, PRIMARY KEY (pool_id, group_name, sub)
);
CREATE INDEX IF NOT EXISTS group_members_by_sub ON group_members (pool_id, sub);
CREATE TABLE IF NOT EXISTS codes (
  pool_id TEXT NOT NULL, sub TEXT NOT NULL, purpose TEXT NOT NULL, code TEXT NOT NULL,
  expires_at INTEGER NOT NULL, PRIMARY KEY (pool_id, sub, purpose)
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY, pool_id TEXT NOT NULL, client_id TEXT NOT NULL, sub TEXT NOT NULL,
  origin_jti TEXT NOT NULL, auth_time INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS refresh_tokens_by_user ON refresh_tokens (pool_id, sub);
CREATE TABLE IF NOT EXISTS revoked_origins (origin_jti TEXT PRIMARY KEY, revoked_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS signing_keys (
  pool_id TEXT NOT NULL, use TEXT NOT NULL, kid TEXT NOT NULL, private_pem TEXT NOT NULL, public_jwk TEXT NOT NULL,
  PRIMARY KEY (pool_id, use)
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL, pool_id TEXT NOT NULL, medium TEXT NOT NULL,
  recipient TEXT NOT NULL, subject TEXT, body TEXT NOT NULL, kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_by_recipient ON outbox (recipient);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS auth_events (
  event_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, sub TEXT NOT NULL, created_at INTEGER NOT NULL,
  ip TEXT, failed INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL,
  event_type TEXT NOT NULL DEFAULT 'SignIn', outcome TEXT NOT NULL DEFAULT 'InProgress', device_key TEXT, feedback TEXT
);
DROP INDEX IF EXISTS auth_events_by_user;
DROP INDEX IF EXISTS auth_events_by_ip;
DROP INDEX IF EXISTS auth_events_newest_by_user;
DROP INDEX IF EXISTS auth_events_history;
DROP INDEX IF EXISTS auth_events_failed_by_ip;
CREATE INDEX IF NOT EXISTS auth_events_by_user_time ON auth_events (pool_id, sub, created_at, event_id);
CREATE INDEX IF NOT EXISTS auth_events_failures_by_ip ON auth_events (pool_id, ip, created_at) WHERE failed = 1;
CREATE TABLE IF NOT EXISTS unknown_user_failures (
  pool_id TEXT NOT NULL, username_key TEXT NOT NULL, failed_attempts INTEGER NOT NULL, last_failed_at INTEGER NOT NULL,
  PRIMARY KEY (pool_id, username_key)
);
`;

/** Bound on the parsed-resource cache; only reached by a store with that many pools and clients. */
const MAX_CACHED_RESOURCES = 10_000;

function resourceKey(kind: ResourceKind, poolId: string, id: string): string {
  return `${kind}\u0000${poolId}\u0000${id}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export type ResourceKind = "pool" | "client" | "group" | "resource-server" | "domain" | "idp" | "risk-config";

export interface RefreshTokenRow {
  token: string;
  poolId: string;
  clientId: string;
  sub: string;
  originJti: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
}

export interface CodeRow {
  code: string;
  expiresAt: number;
}

export interface SigningKeyRow {
  kid: string;
  privateKeyPem: string;
  publicJwk: object;
}

export interface OutboxMessage {
  id: number;
  createdAt: number;
  poolId: string;
  medium: "EMAIL" | "SMS";
  recipient: string;
  subject: string | null;
  body: string;
  kind: string;
}

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

/** What a refresh token is stored under: its SHA-256 (the tokens carry 256 random bits). */
const refreshTokenKey = (token: string): string => hash("sha256", token, "base64url");

/** Keys under which a user is found: case-folded where the pool is case-insensitive. */
export interface UserKeys {
  usernameKey: string;
  emailKey: string | null;
  phoneKey: string | null;
  preferredKey: string | null;
}

/**
 * The emulator's one store. SQLite through better-sqlite3: a file by default (WAL, every
 * acknowledged write committed), `:memory:` in unit tests. Records are JSON documents next to the
 * indexed columns they are looked up by.
 */
export class Store {
  readonly db: Database.Database;
  private seq = Date.now();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.function("refresh_token_key", { deterministic: true }, (token) => refreshTokenKey(String(token)));
    const plainTokens = this.columnsOf("refresh_tokens").has("token");
    this.db.transaction(() => {
      // Stores written before refresh tokens were kept as hashes: the rows move to the new table.
      if (plainTokens) {
        this.db.exec("ALTER TABLE refresh_tokens RENAME TO refresh_tokens_plain");
        this.db.exec("DROP INDEX IF EXISTS refresh_tokens_by_user");
      }
      this.db.exec(SCHEMA);
      if (plainTokens) {
        this.db.exec(`INSERT INTO refresh_tokens (token_hash, pool_id, client_id, sub, origin_jti, auth_time, expires_at, revoked)
          SELECT refresh_token_key(token), pool_id, client_id, sub, origin_jti, auth_time, expires_at, revoked
          FROM refresh_tokens_plain`);
        this.db.exec("DROP TABLE refresh_tokens_plain");
      }
    })();
    this.addMissingColumns("sessions", { alt_key: "TEXT" });
    // A second key a session is found by (an SRP session's secret block), unique where present.
    this.db.exec(
      "CREATE UNIQUE INDEX IF NOT EXISTS sessions_by_alt_key ON sessions (alt_key) WHERE alt_key IS NOT NULL",
    );
    this.addMissingColumns("auth_events", {
      event_type: "TEXT NOT NULL DEFAULT 'SignIn'",
      outcome: "TEXT NOT NULL DEFAULT 'InProgress'",
      device_key: "TEXT",
      feedback: "TEXT",
    });
  }

  private columnsOf(table: string): Set<string> {
    return new Set(
      (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    );
  }

  /** Columns added after a table was first created: a store written by an earlier version gains them. */
  private addMissingColumns(table: string, columns: Record<string, string>): void {
    const existing = this.columnsOf(table);
    for (const [name, type] of Object.entries(columns)) {
      if (!existing.has(name)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
    }
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (err) {
      // A rolled-back transaction may have cached what it read after its own writes.
      this.resourceCache.clear();
      this.resourceIdIndex.clear();
      this.signInHistory.clear();
      throw err;
    }
  }

  private readonly statements = new Map<string, Database.Statement>();
  /** The latest sign-ins of active users, for risk evaluation (kept in step by `putAuthEvent`). */
  private readonly signInHistory = new SignInHistoryCache();

  /** Prepared statements are compiled once and reused (preparing costs more than running). */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readonly rawStatements = new Map<string, Database.Statement>();

  /** A prepared statement that returns rows as arrays (cheaper where many rows are read). */
  private rawStmt(sql: string): Database.Statement {
    let statement = this.rawStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).raw(true);
      this.rawStatements.set(sql, statement);
    }
    return statement;
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  // --- meta ---
  getMeta(key: string): string | undefined {
    const row = this.stmt("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }
  setMeta(key: string, value: string): void {
    this.stmt(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }

  // --- resources (pools, clients, groups, resource servers, domains, identity providers) ---
  /**
   * Pools, clients, groups... are read on every request and written rarely, so parsed records are
   * kept in memory (write-through: every put and delete goes to SQLite first, then to the cache).
   * Cached records are deeply frozen: a caller that wants to change one builds a new record and
   * puts it.
   */
  private readonly resourceCache = new Map<string, Readonly<unknown> | null>();
  private readonly resourceIdIndex = new Map<string, string>();

  getResource<T>(kind: ResourceKind, poolId: string, id: string): T | undefined {
    const key = resourceKey(kind, poolId, id);
    if (this.resourceCache.has(key)) return (this.resourceCache.get(key) ?? undefined) as T | undefined;
    const row = this.stmt("SELECT data FROM resources WHERE kind = ? AND pool_id = ? AND id = ?").get(
      kind,
      poolId,
      id,
    ) as { data: string } | undefined;
    return this.cacheResource(key, kind, id, row?.data) as T | undefined;
  }
  findResourceById<T>(kind: ResourceKind, id: string): T | undefined {
    const known = this.resourceIdIndex.get(`${kind}\u0000${id}`);
    if (known !== undefined && this.resourceCache.has(known))
      return (this.resourceCache.get(known) ?? undefined) as T | undefined;
    const row = this.stmt("SELECT pool_id, data FROM resources WHERE kind = ? AND id = ?").get(kind, id) as
      | { pool_id: string; data: string }
      | undefined;
    if (!row) return undefined;
    return this.cacheResource(resourceKey(kind, row.pool_id, id), kind, id, row.data) as T | undefined;
  }
  private cacheResource(key: string, kind: ResourceKind, id: string, data: string | undefined): unknown {
    const value = data === undefined ? null : deepFreeze(JSON.parse(data));
    if (this.resourceCache.size >= MAX_CACHED_RESOURCES) {
      this.resourceCache.clear();
      this.resourceIdIndex.clear();
    }
    this.resourceCache.set(key, value);
    if (value !== null) this.resourceIdIndex.set(`${kind}\u0000${id}`, key);
    return value ?? undefined;
  }
  putResource(kind: ResourceKind, poolId: string, id: string, data: unknown): void {
    const json = JSON.stringify(data);
    this.stmt(
      `INSERT INTO resources (kind, pool_id, id, data, seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(kind, pool_id, id) DO UPDATE SET data = excluded.data`,
    ).run(kind, poolId, id, json, this.nextSeq());
    this.resourceCache.delete(resourceKey(kind, poolId, id));
  }
  deleteResource(kind: ResourceKind, poolId: string, id: string): boolean {
    const changes = this.stmt("DELETE FROM resources WHERE kind = ? AND pool_id = ? AND id = ?").run(
      kind,
      poolId,
      id,
    ).changes;
    this.resourceCache.delete(resourceKey(kind, poolId, id));
    this.resourceIdIndex.delete(`${kind}\u0000${id}`);
    return changes > 0;
  }
  listResources<T>(kind: ResourceKind, poolId: string | null): T[] {
    const rows = (
      poolId === null
        ? this.stmt("SELECT data FROM resources WHERE kind = ? ORDER BY seq").all(kind)
        : this.stmt("SELECT data FROM resources WHERE kind = ? AND pool_id = ? ORDER BY seq").all(
            kind,
            poolId,
          )
    ) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  /** Removes a pool and everything in it. */
  deletePool(poolId: string): void {
    this.transaction(() => {
      for (const table of [
        "resources",
        "users",
        "group_members",
        "codes",
        "refresh_tokens",
        "signing_keys",
        "auth_events",
        "unknown_user_failures",
      ]) {
        this.stmt(`DELETE FROM ${table} WHERE pool_id = ?`).run(poolId);
      }
    });
    this.resourceCache.clear();
    this.resourceIdIndex.clear();
    this.signInHistory.clear();
  }

  // --- users ---
  getUserByKey(poolId: string, usernameKey: string): UserRecord | undefined {
    return this.userFrom(
      this.stmt("SELECT data FROM users WHERE pool_id = ? AND username_key = ?").get(poolId, usernameKey),
    );
  }
  getUserBySub(poolId: string, sub: string): UserRecord | undefined {
    return this.userFrom(this.stmt("SELECT data FROM users WHERE pool_id = ? AND sub = ?").get(poolId, sub));
  }
  findUsersByEmail(poolId: string, emailKey: string): UserRecord[] {
    return this.usersFrom(
      this.stmt("SELECT data FROM users WHERE pool_id = ? AND email_key = ?").all(poolId, emailKey),
    );
  }
  findUsersByPhone(poolId: string, phoneKey: string): UserRecord[] {
    return this.usersFrom(
      this.stmt("SELECT data FROM users WHERE pool_id = ? AND phone_key = ?").all(poolId, phoneKey),
    );
  }
  findUsersByPreferredUsername(poolId: string, key: string): UserRecord[] {
    return this.usersFrom(
      this.stmt("SELECT data FROM users WHERE pool_id = ? AND preferred_key = ?").all(poolId, key),
    );
  }
  /** Users in creation order, starting after `afterSeq`. */
  listUsers(poolId: string, afterSeq: number, limit: number): { user: UserRecord; seq: number }[] {
    const rows = this.stmt(
      "SELECT data, seq FROM users WHERE pool_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    ).all(poolId, afterSeq, limit) as { data: string; seq: number }[];
    return rows.map((r) => ({ user: JSON.parse(r.data) as UserRecord, seq: r.seq }));
  }
  countUsers(poolId: string): number {
    return (this.stmt("SELECT COUNT(*) AS n FROM users WHERE pool_id = ?").get(poolId) as { n: number }).n;
  }
  insertUser(user: UserRecord, keys: UserKeys): void {
    this.stmt(
      `INSERT INTO users (pool_id, username_key, sub, email_key, phone_key, preferred_key, seq, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      user.poolId,
      keys.usernameKey,
      user.sub,
      keys.emailKey,
      keys.phoneKey,
      keys.preferredKey,
      this.nextSeq(),
      JSON.stringify(user),
    );
  }
  updateUser(user: UserRecord, keys: UserKeys): void {
    this.stmt(
      `UPDATE users SET email_key = ?, phone_key = ?, preferred_key = ?, data = ? WHERE pool_id = ? AND sub = ?`,
    ).run(keys.emailKey, keys.phoneKey, keys.preferredKey, JSON.stringify(user), user.poolId, user.sub);
  }
  deleteUser(poolId: string, sub: string): void {
    this.transaction(() => {
      this.stmt("DELETE FROM users WHERE pool_id = ? AND sub = ?").run(poolId, sub);
      this.stmt("DELETE FROM group_members WHERE pool_id = ? AND sub = ?").run(poolId, sub);
      this.stmt("DELETE FROM codes WHERE pool_id = ? AND sub = ?").run(poolId, sub);
      this.stmt("UPDATE refresh_tokens SET revoked = 1 WHERE pool_id = ? AND sub = ?").run(poolId, sub);
    });
  }
  private userFrom(row: unknown): UserRecord | undefined {
    return row ? (JSON.parse((row as { data: string }).data) as UserRecord) : undefined;
  }
  private usersFrom(rows: unknown[]): UserRecord[] {
    return rows.map((r) => JSON.parse((r as { data: string }).data) as UserRecord);
  }

  // --- groups membership ---
  addToGroup(poolId: string, groupName: string, sub: string): void {
    this.stmt("INSERT OR IGNORE INTO group_members (pool_id, group_name, sub) VALUES (?, ?, ?)").run(
      poolId,
      groupName,
      sub,
    );
  }
  removeFromGroup(poolId: string, groupName: string, sub: string): void {
    this.stmt("DELETE FROM group_members WHERE pool_id = ? AND group_name = ? AND sub = ?").run(
      poolId,
      groupName,
      sub,
    );
  }
  groupsOf(poolId: string, sub: string): string[] {
    return (
      this.stmt("SELECT group_name FROM group_members WHERE pool_id = ? AND sub = ? ORDER BY group_name").all(
        poolId,
        sub,
      ) as {
        group_name: string;
      }[]
    ).map((r) => r.group_name);
  }
  membersOf(poolId: string, groupName: string): string[] {
    return (
      this.stmt("SELECT sub FROM group_members WHERE pool_id = ? AND group_name = ? ORDER BY sub").all(
        poolId,
        groupName,
      ) as {
        sub: string;
      }[]
    ).map((r) => r.sub);
  }
  deleteGroupMembers(poolId: string, groupName: string): void {
    this.stmt("DELETE FROM group_members WHERE pool_id = ? AND group_name = ?").run(poolId, groupName);
  }

  // --- codes ---
  putCode(poolId: string, sub: string, purpose: string, code: string, expiresAt: number): void {
    this.stmt(
      `INSERT INTO codes (pool_id, sub, purpose, code, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(pool_id, sub, purpose) DO UPDATE SET code = excluded.code, expires_at = excluded.expires_at`,
    ).run(poolId, sub, purpose, code, expiresAt);
  }
  getCode(poolId: string, sub: string, purpose: string): CodeRow | undefined {
    const row = this.stmt(
      "SELECT code, expires_at FROM codes WHERE pool_id = ? AND sub = ? AND purpose = ?",
    ).get(poolId, sub, purpose) as { code: string; expires_at: number } | undefined;
    return row ? { code: row.code, expiresAt: row.expires_at } : undefined;
  }
  deleteCode(poolId: string, sub: string, purpose: string): void {
    this.stmt("DELETE FROM codes WHERE pool_id = ? AND sub = ? AND purpose = ?").run(poolId, sub, purpose);
  }

  // --- refresh tokens (kept as SHA-256 hashes: the store never holds a usable token) ---
  putRefreshToken(row: RefreshTokenRow): void {
    this.stmt(
      `INSERT INTO refresh_tokens (token_hash, pool_id, client_id, sub, origin_jti, auth_time, expires_at, revoked)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      refreshTokenKey(row.token),
      row.poolId,
      row.clientId,
      row.sub,
      row.originJti,
      row.authTime,
      row.expiresAt,
      row.revoked ? 1 : 0,
    );
  }
  getRefreshToken(token: string): RefreshTokenRow | undefined {
    const r = this.stmt("SELECT * FROM refresh_tokens WHERE token_hash = ?").get(refreshTokenKey(token)) as
      | Record<string, string | number>
      | undefined;
    if (!r) return undefined;
    return {
      token,
      poolId: String(r.pool_id),
      clientId: String(r.client_id),
      sub: String(r.sub),
      originJti: String(r.origin_jti),
      authTime: Number(r.auth_time),
      expiresAt: Number(r.expires_at),
      revoked: Number(r.revoked) === 1,
    };
  }
  revokeRefreshToken(token: string, originJti: string, at: number): void {
    this.transaction(() => {
      this.stmt("UPDATE refresh_tokens SET revoked = 1 WHERE token_hash = ?").run(refreshTokenKey(token));
      this.stmt("INSERT OR IGNORE INTO revoked_origins (origin_jti, revoked_at) VALUES (?, ?)").run(
        originJti,
        at,
      );
    });
  }
  /** Global sign-out: every refresh token of the user, and every access token minted with one, stops working. */
  revokeAllRefreshTokens(poolId: string, sub: string, at: number): void {
    this.transaction(() => {
      this.stmt(
        `INSERT OR IGNORE INTO revoked_origins (origin_jti, revoked_at)
           SELECT origin_jti, ? FROM refresh_tokens WHERE pool_id = ? AND sub = ? AND revoked = 0`,
      ).run(at, poolId, sub);
      this.stmt("UPDATE refresh_tokens SET revoked = 1 WHERE pool_id = ? AND sub = ?").run(poolId, sub);
    });
  }
  isOriginRevoked(originJti: string): boolean {
    return this.stmt("SELECT 1 FROM revoked_origins WHERE origin_jti = ?").get(originJti) !== undefined;
  }

  // --- auth sessions ---
  /**
   * Writes a session; `altKey` (kept when the session is updated) is a second key it can be found
   * by with `getSessionByAltKey`, and goes with it when it is deleted.
   */
  putSession(id: string, expiresAt: number, data: unknown, altKey?: string): void {
    this.stmt(
      `INSERT INTO sessions (id, expires_at, data, alt_key) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data`,
    ).run(id, expiresAt, JSON.stringify(data), altKey ?? null);
  }
  getSession<T>(id: string): { expiresAt: number; data: T } | undefined {
    const row = this.stmt("SELECT expires_at, data FROM sessions WHERE id = ?").get(id) as
      | { expires_at: number; data: string }
      | undefined;
    return row ? { expiresAt: row.expires_at, data: JSON.parse(row.data) as T } : undefined;
  }
  getSessionByAltKey<T>(altKey: string): { id: string; expiresAt: number; data: T } | undefined {
    const row = this.stmt("SELECT id, expires_at, data FROM sessions WHERE alt_key = ?").get(altKey) as
      | { id: string; expires_at: number; data: string }
      | undefined;
    return row ? { id: row.id, expiresAt: row.expires_at, data: JSON.parse(row.data) as T } : undefined;
  }
  deleteSession(id: string): void {
    this.stmt("DELETE FROM sessions WHERE id = ?").run(id);
  }
  deleteExpiredSessions(now: number): void {
    this.stmt("DELETE FROM sessions WHERE expires_at < ?").run(now);
  }

  // --- signing keys ---
  getSigningKey(poolId: string, use: "id" | "access"): SigningKeyRow | undefined {
    const row = this.stmt(
      "SELECT kid, private_pem, public_jwk FROM signing_keys WHERE pool_id = ? AND use = ?",
    ).get(poolId, use) as { kid: string; private_pem: string; public_jwk: string } | undefined;
    return row
      ? { kid: row.kid, privateKeyPem: row.private_pem, publicJwk: JSON.parse(row.public_jwk) }
      : undefined;
  }
  putSigningKey(poolId: string, use: "id" | "access", key: SigningKeyRow): void {
    this.stmt(
      "INSERT OR REPLACE INTO signing_keys (pool_id, use, kid, private_pem, public_jwk) VALUES (?, ?, ?, ?, ?)",
    ).run(poolId, use, key.kid, key.privateKeyPem, JSON.stringify(key.publicJwk));
  }

  // --- auth events (threat protection) ---
  putAuthEvent(event: AuthEventRow, data: unknown): void {
    this.stmt(
      `INSERT INTO auth_events (event_id, pool_id, sub, created_at, ip, failed, data, event_type, outcome, device_key, feedback)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(event_id) DO UPDATE SET failed = excluded.failed, data = excluded.data,
       outcome = excluded.outcome, feedback = excluded.feedback`,
    ).run(
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
    const rows = this.rawStmt(
      `SELECT created_at, outcome, ip, device_key, feedback, event_id FROM auth_events
       WHERE pool_id = ? AND sub = ? AND event_type = 'SignIn' ORDER BY created_at DESC, event_id DESC LIMIT ?`,
    ).all(poolId, sub, limit) as SignInHistoryRow[];
    // Inside a transaction the rows may yet be rolled back: not cached.
    return this.db.inTransaction ? rows : this.signInHistory.set(poolId, sub, limit, rows);
  }
  getAuthEvent<T>(eventId: string): T | undefined {
    const row = this.stmt("SELECT data FROM auth_events WHERE event_id = ?").get(eventId) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }
  /** A user's events, newest first, after the `after` event in that order when given. */
  listAuthEvents<T>(
    poolId: string,
    sub: string,
    limit: number,
    after?: { createdAt: number; eventId: string },
  ): T[] {
    // Keyset paging on (created_at, event_id): events in the same millisecond are neither lost nor repeated.
    const at = after ?? { createdAt: Number.MAX_SAFE_INTEGER, eventId: "" };
    const rows = this.stmt(
      `SELECT data FROM auth_events WHERE pool_id = ? AND sub = ?
       AND (created_at < ? OR (created_at = ? AND event_id < ?))
       ORDER BY created_at DESC, event_id DESC LIMIT ?`,
    ).all(poolId, sub, at.createdAt, at.createdAt, at.eventId, limit) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }
  countFailedAuthEventsFromIp(poolId: string, ip: string, since: number): number {
    return (
      this.stmt(
        "SELECT COUNT(*) AS n FROM auth_events WHERE pool_id = ? AND ip = ? AND created_at >= ? AND failed = 1",
      ).get(poolId, ip, since) as { n: number }
    ).n;
  }

  // --- failed sign-ins of usernames that do not exist (lockout must not reveal existence) ---
  getUnknownUserFailures(
    poolId: string,
    usernameKey: string,
  ): { failedAttempts: number; lastFailedAt: number } {
    const row = this.stmt(
      "SELECT failed_attempts, last_failed_at FROM unknown_user_failures WHERE pool_id = ? AND username_key = ?",
    ).get(poolId, usernameKey) as { failed_attempts: number; last_failed_at: number } | undefined;
    return { failedAttempts: row?.failed_attempts ?? 0, lastFailedAt: row?.last_failed_at ?? 0 };
  }
  putUnknownUserFailures(
    poolId: string,
    usernameKey: string,
    failedAttempts: number,
    lastFailedAt: number,
  ): void {
    this.stmt(
      `INSERT INTO unknown_user_failures (pool_id, username_key, failed_attempts, last_failed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(pool_id, username_key) DO UPDATE SET failed_attempts = excluded.failed_attempts,
       last_failed_at = excluded.last_failed_at`,
    ).run(poolId, usernameKey, failedAttempts, lastFailedAt);
  }

  // --- outbox ---
  addMessage(msg: Omit<OutboxMessage, "id">): void {
    this.stmt(
      "INSERT INTO outbox (created_at, pool_id, medium, recipient, subject, body, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(msg.createdAt, msg.poolId, msg.medium, msg.recipient, msg.subject, msg.body, msg.kind);
  }
  listMessages(recipient: string | undefined, limit = 200): OutboxMessage[] {
    const rows = (
      recipient
        ? this.stmt("SELECT * FROM outbox WHERE lower(recipient) = lower(?) ORDER BY id DESC LIMIT ?").all(
            recipient,
            limit,
          )
        : this.stmt("SELECT * FROM outbox ORDER BY id DESC LIMIT ?").all(limit)
    ) as Record<string, string | number | null>[];
    return rows.map((r) => ({
      id: Number(r.id),
      createdAt: Number(r.created_at),
      poolId: String(r.pool_id),
      medium: r.medium as "EMAIL" | "SMS",
      recipient: String(r.recipient),
      subject: r.subject === null ? null : String(r.subject),
      body: String(r.body),
      kind: String(r.kind),
    }));
  }
}
