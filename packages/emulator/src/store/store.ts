import type Database from "better-sqlite3";
import { StoreDb } from "./db";
import { AuthEventsRepo } from "./repos/auth-events";
import { CodesRepo } from "./repos/codes";
import { DevicesRepo } from "./repos/devices";
import { GroupMembersRepo } from "./repos/group-members";
import { MetaRepo } from "./repos/meta";
import { OutboxRepo } from "./repos/outbox";
import { RefreshTokensRepo } from "./repos/refresh-tokens";
import { ResourcesRepo } from "./repos/resources";
import type { PoolScoped } from "./repos/scoped";
import { SessionsRepo } from "./repos/sessions";
import { SigningKeysRepo } from "./repos/signing-keys";
import { UnknownUserFailuresRepo } from "./repos/unknown-user-failures";
import { UsersRepo } from "./repos/users";

export type { AuthEventRow } from "./repos/auth-events";
export type { CodeRow } from "./repos/codes";
export type { DeviceRecord } from "./repos/devices";
export type { OutboxMessage } from "./repos/outbox";
export type { RefreshTokenRow } from "./repos/refresh-tokens";
export type { ResourceKind } from "./repos/resources";
export type { SigningKeyRow } from "./repos/signing-keys";
export type { UnknownUserFailures } from "./repos/unknown-user-failures";
export type { UserKeys } from "./repos/users";
export type { SignInHistoryRow } from "./sign-in-history-cache";

/**
 * The emulator's one store: a repository per resource over one SQLite database (see `db.ts`).
 * Records are JSON documents next to the indexed columns they are looked up by. A write that
 * spans repositories runs in `transaction`.
 */
export class Store {
  /** The SQLite database, for the services that keep their own tables in it (S3, IAM, identity pools). */
  readonly db: Database.Database;
  private readonly sql: StoreDb;

  readonly meta: MetaRepo;
  /** Pools, clients, groups, resource servers, domains, identity providers, risk configurations. */
  readonly resources: ResourcesRepo;
  readonly users: UsersRepo;
  readonly groupMembers: GroupMembersRepo;
  readonly codes: CodesRepo;
  readonly refreshTokens: RefreshTokensRepo;
  /** Remembered devices. */
  readonly devices: DevicesRepo;
  readonly sessions: SessionsRepo;
  readonly signingKeys: SigningKeysRepo;
  readonly authEvents: AuthEventsRepo;
  readonly unknownUserFailures: UnknownUserFailuresRepo;
  readonly outbox: OutboxRepo;
  /** What `deletePool` empties, in this order. */
  private readonly poolScoped: readonly PoolScoped[];

  constructor(path: string) {
    this.sql = new StoreDb(path);
    this.db = this.sql.sqlite;
    this.meta = new MetaRepo(this.sql);
    this.resources = new ResourcesRepo(this.sql);
    this.groupMembers = new GroupMembersRepo(this.sql);
    this.codes = new CodesRepo(this.sql);
    this.refreshTokens = new RefreshTokensRepo(this.sql);
    this.devices = new DevicesRepo(this.sql);
    this.users = new UsersRepo(this.sql, [this.groupMembers, this.codes, this.refreshTokens, this.devices]);
    this.sessions = new SessionsRepo(this.sql);
    this.signingKeys = new SigningKeysRepo(this.sql);
    this.authEvents = new AuthEventsRepo(this.sql);
    this.unknownUserFailures = new UnknownUserFailuresRepo(this.sql);
    this.outbox = new OutboxRepo(this.sql);
    this.poolScoped = [
      this.resources,
      this.users,
      this.groupMembers,
      this.codes,
      this.refreshTokens,
      this.devices,
      this.signingKeys,
      this.authEvents,
      this.unknownUserFailures,
    ];
  }

  close(): void {
    this.sql.close();
  }

  /**
   * Runs `fn` in one transaction (a savepoint inside another). When it throws, the repositories'
   * in-memory caches are dropped: a rolled-back transaction may have cached what it read after its
   * own writes.
   */
  transaction<T>(fn: () => T): T {
    return this.sql.transaction(fn);
  }

  /** Removes a pool and everything in it (the outbox keeps the messages it sent). */
  deletePool(poolId: string): void {
    this.transaction(() => {
      for (const repo of this.poolScoped) repo.deletePool(poolId);
    });
    this.sql.forgetCaches();
  }
}
