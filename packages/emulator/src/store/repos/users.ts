import type { StoreDb } from "../db";
import type { UserRecord } from "../types";
import type { PoolScoped, UserScoped } from "./scoped";

/** Keys under which a user is found: case-folded where the pool is case-insensitive. */
export interface UserKeys {
  usernameKey: string;
  emailKey: string | null;
  phoneKey: string | null;
  preferredKey: string | null;
}

function userFrom(row: unknown): UserRecord | undefined {
  return row ? (JSON.parse((row as { data: string }).data) as UserRecord) : undefined;
}

function usersFrom(rows: unknown[]): UserRecord[] {
  return rows.map((r) => JSON.parse((r as { data: string }).data) as UserRecord);
}

/** Users of every pool: the record as JSON next to the keys it is found by. */
export class UsersRepo implements PoolScoped {
  /** @param dependents what goes with a deleted user (group memberships, codes, refresh tokens). */
  constructor(
    private readonly db: StoreDb,
    private readonly dependents: readonly UserScoped[],
  ) {}

  getByKey(poolId: string, usernameKey: string): UserRecord | undefined {
    return userFrom(
      this.db.stmt("SELECT data FROM users WHERE pool_id = ? AND username_key = ?").get(poolId, usernameKey),
    );
  }

  getBySub(poolId: string, sub: string): UserRecord | undefined {
    return userFrom(this.db.stmt("SELECT data FROM users WHERE pool_id = ? AND sub = ?").get(poolId, sub));
  }

  findByEmail(poolId: string, emailKey: string): UserRecord[] {
    return usersFrom(
      this.db.stmt("SELECT data FROM users WHERE pool_id = ? AND email_key = ?").all(poolId, emailKey),
    );
  }

  findByPhone(poolId: string, phoneKey: string): UserRecord[] {
    return usersFrom(
      this.db.stmt("SELECT data FROM users WHERE pool_id = ? AND phone_key = ?").all(poolId, phoneKey),
    );
  }

  findByPreferredUsername(poolId: string, key: string): UserRecord[] {
    return usersFrom(
      this.db.stmt("SELECT data FROM users WHERE pool_id = ? AND preferred_key = ?").all(poolId, key),
    );
  }

  /** Users in creation order, starting after `afterSeq`. */
  list(poolId: string, afterSeq: number, limit: number): { user: UserRecord; seq: number }[] {
    const rows = this.db
      .stmt("SELECT data, seq FROM users WHERE pool_id = ? AND seq > ? ORDER BY seq LIMIT ?")
      .all(poolId, afterSeq, limit) as { data: string; seq: number }[];
    return rows.map((r) => ({ user: JSON.parse(r.data) as UserRecord, seq: r.seq }));
  }

  count(poolId: string): number {
    return (this.db.stmt("SELECT COUNT(*) AS n FROM users WHERE pool_id = ?").get(poolId) as { n: number }).n;
  }

  /** Throws when the pool already has a user under the username key or the sub. */
  insert(user: UserRecord, keys: UserKeys): void {
    this.db
      .stmt(
        `INSERT INTO users (pool_id, username_key, sub, email_key, phone_key, preferred_key, seq, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.poolId,
        keys.usernameKey,
        user.sub,
        keys.emailKey,
        keys.phoneKey,
        keys.preferredKey,
        this.db.nextSeq(),
        JSON.stringify(user),
      );
  }

  update(user: UserRecord, keys: UserKeys): void {
    this.db
      .stmt(
        `UPDATE users SET email_key = ?, phone_key = ?, preferred_key = ?, data = ? WHERE pool_id = ? AND sub = ?`,
      )
      .run(keys.emailKey, keys.phoneKey, keys.preferredKey, JSON.stringify(user), user.poolId, user.sub);
  }

  /** Deletes the user, with its group memberships and codes; its refresh tokens are revoked. */
  delete(poolId: string, sub: string): void {
    this.db.transaction(() => {
      this.db.stmt("DELETE FROM users WHERE pool_id = ? AND sub = ?").run(poolId, sub);
      for (const dependent of this.dependents) dependent.deleteUser(poolId, sub);
    });
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM users WHERE pool_id = ?").run(poolId);
  }
}
