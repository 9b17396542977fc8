import type { RiskConfigurationRecord } from "../../cognito-idp/threat/risk-config";
import type { StoreDb } from "../db";
import type {
  ClientRecord,
  DomainRecord,
  GroupRecord,
  IdentityProviderRecord,
  PoolRecord,
  ResourceServerRecord,
} from "../types";
import type { PoolScoped } from "./scoped";

/** The records kept in the `resources` table, by kind (and the pool and id they are kept under). */
export interface ResourceRecords {
  /** Under its own id as pool and id. */
  pool: PoolRecord;
  /** Under its client id. */
  client: ClientRecord;
  /** Under its group name. */
  group: GroupRecord;
  /** Under its identifier. */
  "resource-server": ResourceServerRecord;
  /** Under the domain (prefix or custom domain). */
  domain: DomainRecord;
  /** Under its provider name. */
  idp: IdentityProviderRecord;
  /** Under the client id it applies to, `ALL` for the pool-wide one. */
  "risk-config": RiskConfigurationRecord;
}

export type ResourceKind = keyof ResourceRecords;

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

/**
 * Pools, clients, groups, resource servers, domains, identity providers and risk configurations:
 * JSON documents by kind, pool and id. They are read on every request and written rarely, so
 * parsed records are kept in memory (write-through: every put and delete goes to SQLite first,
 * then to the cache). Cached records are deeply frozen: a caller that wants to change one builds a
 * new record and puts it.
 */
export class ResourcesRepo implements PoolScoped {
  private readonly cache = new Map<string, Readonly<unknown> | null>();
  private readonly idIndex = new Map<string, string>();

  constructor(private readonly db: StoreDb) {
    db.registerCache(() => this.forget());
  }

  /** The record of the kind (typed by `ResourceRecords`, or as the caller asks with `T`). */
  get<K extends ResourceKind>(kind: K, poolId: string, id: string): ResourceRecords[K] | undefined;
  get<T>(kind: ResourceKind, poolId: string, id: string): T | undefined;
  get<T>(kind: ResourceKind, poolId: string, id: string): T | undefined {
    const key = resourceKey(kind, poolId, id);
    if (this.cache.has(key)) return (this.cache.get(key) ?? undefined) as T | undefined;
    const row = this.db
      .stmt("SELECT data FROM resources WHERE kind = ? AND pool_id = ? AND id = ?")
      .get(kind, poolId, id) as { data: string } | undefined;
    return this.remember(key, kind, id, row?.data) as T | undefined;
  }

  /** A resource by its id alone (client ids and domains are unique across pools). */
  findById<K extends ResourceKind>(kind: K, id: string): ResourceRecords[K] | undefined;
  findById<T>(kind: ResourceKind, id: string): T | undefined;
  findById<T>(kind: ResourceKind, id: string): T | undefined {
    const known = this.idIndex.get(`${kind}\u0000${id}`);
    if (known !== undefined && this.cache.has(known))
      return (this.cache.get(known) ?? undefined) as T | undefined;
    const row = this.db.stmt("SELECT pool_id, data FROM resources WHERE kind = ? AND id = ?").get(kind, id) as
      | { pool_id: string; data: string }
      | undefined;
    if (!row) return undefined;
    return this.remember(resourceKey(kind, row.pool_id, id), kind, id, row.data) as T | undefined;
  }

  private remember(key: string, kind: ResourceKind, id: string, data: string | undefined): unknown {
    const value = data === undefined ? null : deepFreeze(JSON.parse(data));
    if (this.cache.size >= MAX_CACHED_RESOURCES) this.forget();
    this.cache.set(key, value);
    if (value !== null) this.idIndex.set(`${kind}\u0000${id}`, key);
    return value ?? undefined;
  }

  put(kind: ResourceKind, poolId: string, id: string, data: unknown): void {
    const json = JSON.stringify(data);
    this.db
      .stmt(
        `INSERT INTO resources (kind, pool_id, id, data, seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(kind, pool_id, id) DO UPDATE SET data = excluded.data`,
      )
      .run(kind, poolId, id, json, this.db.nextSeq());
    this.cache.delete(resourceKey(kind, poolId, id));
  }

  delete(kind: ResourceKind, poolId: string, id: string): boolean {
    const changes = this.db
      .stmt("DELETE FROM resources WHERE kind = ? AND pool_id = ? AND id = ?")
      .run(kind, poolId, id).changes;
    this.cache.delete(resourceKey(kind, poolId, id));
    this.idIndex.delete(`${kind}\u0000${id}`);
    return changes > 0;
  }

  /** Resources of a kind in creation order: of one pool, or of every pool with `null`. */
  list<K extends ResourceKind>(kind: K, poolId: string | null): ResourceRecords[K][];
  list<T>(kind: ResourceKind, poolId: string | null): T[];
  list<T>(kind: ResourceKind, poolId: string | null): T[] {
    const rows = (
      poolId === null
        ? this.db.stmt("SELECT data FROM resources WHERE kind = ? ORDER BY seq").all(kind)
        : this.db
            .stmt("SELECT data FROM resources WHERE kind = ? AND pool_id = ? ORDER BY seq")
            .all(kind, poolId)
    ) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM resources WHERE pool_id = ?").run(poolId);
  }

  /** Drops the parsed records held in memory (they are read again from SQLite). */
  forget(): void {
    this.cache.clear();
    this.idIndex.clear();
  }
}
