import type Database from "better-sqlite3";
import type { Store } from "../store/store";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS identity_pools (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS identities (
  identity_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS identities_by_pool ON identities (pool_id);
CREATE TABLE IF NOT EXISTS identity_logins (
  pool_id TEXT NOT NULL, login TEXT NOT NULL, identity_id TEXT NOT NULL, PRIMARY KEY (pool_id, login)
);
CREATE INDEX IF NOT EXISTS identity_logins_by_identity ON identity_logins (identity_id);
CREATE TABLE IF NOT EXISTS identity_credentials (
  access_key_id TEXT PRIMARY KEY, secret_key TEXT NOT NULL, session_token TEXT NOT NULL,
  identity_id TEXT NOT NULL, pool_id TEXT NOT NULL, role_arn TEXT NOT NULL, expires_at INTEGER NOT NULL,
  context TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS identity_credentials_by_expiry ON identity_credentials (expires_at);
`;

/** An identity pool as DescribeIdentityPool returns it, plus its roles (GetIdentityPoolRoles). */
export interface IdentityPoolRecord {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: { ProviderName?: string; ClientId?: string; ServerSideTokenCheck?: boolean }[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

export interface RoleMappingRecord {
  Type: "Token" | "Rules";
  AmbiguousRoleResolution?: "AuthenticatedRole" | "Deny";
  RulesConfiguration?: {
    Rules: {
      Claim: string;
      MatchType: "Equals" | "Contains" | "StartsWith" | "NotEqual";
      Value: string;
      RoleARN: string;
    }[];
  };
}

export interface PoolRolesRecord {
  Roles: Record<string, string>;
  RoleMappings: Record<string, RoleMappingRecord>;
}

export interface IdentityRecord {
  IdentityId: string;
  IdentityPoolId: string;
  /** Login provider names linked to the identity (empty: a guest identity). */
  Logins: string[];
  CreationDate: number;
  LastModifiedDate: number;
}

/** Temporary credentials as the store keeps them: who they belong to and which role they carry. */
export interface CredentialRecord {
  accessKeyId: string;
  secretKey: string;
  sessionToken: string;
  identityId: string;
  poolId: string;
  roleArn: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Condition keys fixed at issue time (`cognito-identity.amazonaws.com:amr`, ...). */
  context: Record<string, string | string[]>;
}

/** The identity-pool tables, in the emulator's one SQLite database. */
export class IdentityStore {
  private readonly db: Database.Database;
  private seq = Date.now();

  constructor(store: Store) {
    this.db = store.db;
    this.db.exec(SCHEMA);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- pools ---
  getPool(id: string): { pool: IdentityPoolRecord; roles: PoolRolesRecord } | undefined {
    const row = this.db.prepare("SELECT data FROM identity_pools WHERE id = ?").get(id) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as { pool: IdentityPoolRecord; roles: PoolRolesRecord }) : undefined;
  }
  putPool(pool: IdentityPoolRecord, roles: PoolRolesRecord): void {
    this.seq += 1;
    this.db
      .prepare(
        `INSERT INTO identity_pools (id, name, seq, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, data = excluded.data`,
      )
      .run(pool.IdentityPoolId, pool.IdentityPoolName, this.seq, JSON.stringify({ pool, roles }));
  }
  deletePool(id: string): boolean {
    return this.transaction(() => {
      const n = this.db.prepare("DELETE FROM identity_pools WHERE id = ?").run(id).changes;
      this.db.prepare("DELETE FROM identity_logins WHERE pool_id = ?").run(id);
      this.db.prepare("DELETE FROM identities WHERE pool_id = ?").run(id);
      this.db.prepare("DELETE FROM identity_credentials WHERE pool_id = ?").run(id);
      return n > 0;
    });
  }
  listPools(): IdentityPoolRecord[] {
    const rows = this.db.prepare("SELECT data FROM identity_pools ORDER BY seq").all() as { data: string }[];
    return rows.map((r) => (JSON.parse(r.data) as { pool: IdentityPoolRecord }).pool);
  }

  // --- identities ---
  getIdentity(identityId: string): IdentityRecord | undefined {
    const row = this.db.prepare("SELECT data FROM identities WHERE identity_id = ?").get(identityId) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as IdentityRecord) : undefined;
  }
  putIdentity(identity: IdentityRecord): void {
    this.db
      .prepare(
        `INSERT INTO identities (identity_id, pool_id, created_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(identity_id) DO UPDATE SET data = excluded.data`,
      )
      .run(identity.IdentityId, identity.IdentityPoolId, identity.CreationDate, JSON.stringify(identity));
  }
  /** The identity a login (`provider|subject`) is linked to in a pool. */
  findByLogin(poolId: string, login: string): string | undefined {
    const row = this.db
      .prepare("SELECT identity_id FROM identity_logins WHERE pool_id = ? AND login = ?")
      .get(poolId, login) as { identity_id: string } | undefined;
    return row?.identity_id;
  }
  /** The logins (`provider|subject`) linked to an identity whose key starts with `prefix`, in order. */
  loginsOf(identityId: string, prefix: string): string[] {
    const rows = this.db
      .prepare(
        "SELECT login FROM identity_logins WHERE identity_id = ? AND substr(login, 1, ?) = ? ORDER BY login",
      )
      .all(identityId, prefix.length, prefix) as { login: string }[];
    return rows.map((r) => r.login);
  }
  linkLogin(poolId: string, login: string, identityId: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO identity_logins (pool_id, login, identity_id) VALUES (?, ?, ?)")
      .run(poolId, login, identityId);
  }

  // --- credentials ---
  putCredentials(c: CredentialRecord): void {
    this.db
      .prepare(
        `INSERT INTO identity_credentials
         (access_key_id, secret_key, session_token, identity_id, pool_id, role_arn, expires_at, context)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.accessKeyId,
        c.secretKey,
        c.sessionToken,
        c.identityId,
        c.poolId,
        c.roleArn,
        c.expiresAt,
        JSON.stringify(c.context),
      );
  }
  getCredentials(accessKeyId: string): CredentialRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM identity_credentials WHERE access_key_id = ?")
      .get(accessKeyId) as
      | {
          access_key_id: string;
          secret_key: string;
          session_token: string;
          identity_id: string;
          pool_id: string;
          role_arn: string;
          expires_at: number;
          context: string;
        }
      | undefined;
    if (!row) return undefined;
    return {
      accessKeyId: row.access_key_id,
      secretKey: row.secret_key,
      sessionToken: row.session_token,
      identityId: row.identity_id,
      poolId: row.pool_id,
      roleArn: row.role_arn,
      expiresAt: row.expires_at,
      context: JSON.parse(row.context) as Record<string, string | string[]>,
    };
  }
  /** Forgets credentials that expired before `beforeMs` (kept a day so late requests get ExpiredToken). */
  sweepCredentials(beforeMs: number): number {
    return this.db.prepare("DELETE FROM identity_credentials WHERE expires_at < ?").run(beforeMs).changes;
  }
}

const stores = new WeakMap<Store, IdentityStore>();

/** The identity tables of a store (created on first use). */
export function identityStoreOf(store: Store): IdentityStore {
  let s = stores.get(store);
  if (!s) {
    s = new IdentityStore(store);
    stores.set(store, s);
  }
  return s;
}
