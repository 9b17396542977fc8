/**
 * The store's one SQLite database (better-sqlite3): opening it, its schema and the migrations of
 * stores written by earlier versions, the prepared-statement cache, transactions and the sequence
 * that orders records by creation. Every repository in `repos/` works over one `StoreDb`.
 *
 * @module
 */
import { hash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

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
CREATE TABLE IF NOT EXISTS devices (
  pool_id TEXT NOT NULL, sub TEXT NOT NULL, device_key TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (pool_id, sub, device_key)
);
CREATE INDEX IF NOT EXISTS devices_by_user_seq ON devices (pool_id, sub, seq);
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

/** What a refresh token is stored under: its SHA-256 (the tokens carry 256 random bits). */
export const refreshTokenKey = (token: string): string => hash("sha256", token, "base64url");

/**
 * The opened database: a file by default (WAL, every acknowledged write committed), `:memory:` in
 * unit tests. Opening it creates the tables and brings a store written by an earlier version up to
 * date.
 */
export class StoreDb {
  readonly sqlite: Database.Database;
  private seq = Date.now();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();
  private readonly caches: (() => void)[] = [];

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.sqlite = new Database(path);
    this.sqlite.pragma("journal_mode = WAL");
    this.sqlite.pragma("synchronous = NORMAL");
    this.sqlite.pragma("foreign_keys = ON");
    this.sqlite.function("refresh_token_key", { deterministic: true }, (token) =>
      refreshTokenKey(String(token)),
    );
    const plainTokens = this.columnsOf("refresh_tokens").has("token");
    this.sqlite.transaction(() => {
      // Stores written before refresh tokens were kept as hashes: the rows move to the new table.
      if (plainTokens) {
        this.sqlite.exec("ALTER TABLE refresh_tokens RENAME TO refresh_tokens_plain");
        this.sqlite.exec("DROP INDEX IF EXISTS refresh_tokens_by_user");
      }
      this.sqlite.exec(SCHEMA);
      if (plainTokens) {
        this.sqlite.exec(`INSERT INTO refresh_tokens (token_hash, pool_id, client_id, sub, origin_jti, auth_time, expires_at, revoked)
          SELECT refresh_token_key(token), pool_id, client_id, sub, origin_jti, auth_time, expires_at, revoked
          FROM refresh_tokens_plain`);
        this.sqlite.exec("DROP TABLE refresh_tokens_plain");
      }
    })();
    this.addMissingColumns("sessions", { alt_key: "TEXT" });
    // Refresh-token rotation: when a rotated-out token stops working (epoch ms; NULL = at expiry).
    this.addMissingColumns("refresh_tokens", { valid_until: "INTEGER" });
    // Remembered devices: the device a refresh token was issued to (NULL = none).
    this.addMissingColumns("refresh_tokens", { device_key: "TEXT" });
    // A second key a session is found by (an SRP session's secret block), unique where present.
    this.sqlite.exec(
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
      (this.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    );
  }

  /** Columns added after a table was first created: a store written by an earlier version gains them. */
  private addMissingColumns(table: string, columns: Record<string, string>): void {
    const existing = this.columnsOf(table);
    for (const [name, type] of Object.entries(columns)) {
      if (!existing.has(name)) this.sqlite.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
    }
  }

  close(): void {
    this.sqlite.close();
  }

  /**
   * Runs `fn` in a transaction (a savepoint when one is already open). When it throws, every
   * in-memory cache is dropped: a rolled-back transaction may have cached what it read after its
   * own writes.
   */
  transaction<T>(fn: () => T): T {
    try {
      return this.sqlite.transaction(fn)();
    } catch (err) {
      this.forgetCaches();
      throw err;
    }
  }

  get inTransaction(): boolean {
    return this.sqlite.inTransaction;
  }

  /** Registers a repository's in-memory cache, dropped by `forgetCaches`. */
  registerCache(clear: () => void): void {
    this.caches.push(clear);
  }

  /** Drops every registered in-memory cache (a transaction rolled back, a pool deleted). */
  forgetCaches(): void {
    for (const clear of this.caches) clear();
  }

  /** Prepared statements are compiled once and reused (preparing costs more than running). */
  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A prepared statement that returns rows as arrays (cheaper where many rows are read). */
  rawStmt(sql: string): Database.Statement {
    let statement = this.rawStatements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql).raw(true);
      this.rawStatements.set(sql, statement);
    }
    return statement;
  }

  /** The next number of the sequence records are ordered by (starts at the time the store opened). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }
}
