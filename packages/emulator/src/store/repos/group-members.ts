import type { StoreDb } from "../db";
import type { PoolScoped, UserScoped } from "./scoped";

/** Which users (by sub) are in which groups of a pool; the groups themselves are resources. */
export class GroupMembersRepo implements PoolScoped, UserScoped {
  constructor(private readonly db: StoreDb) {}

  add(poolId: string, groupName: string, sub: string): void {
    this.db
      .stmt("INSERT OR IGNORE INTO group_members (pool_id, group_name, sub) VALUES (?, ?, ?)")
      .run(poolId, groupName, sub);
  }

  remove(poolId: string, groupName: string, sub: string): void {
    this.db
      .stmt("DELETE FROM group_members WHERE pool_id = ? AND group_name = ? AND sub = ?")
      .run(poolId, groupName, sub);
  }

  /** The names of the user's groups, sorted. */
  groupsOf(poolId: string, sub: string): string[] {
    return (
      this.db
        .stmt("SELECT group_name FROM group_members WHERE pool_id = ? AND sub = ? ORDER BY group_name")
        .all(poolId, sub) as { group_name: string }[]
    ).map((r) => r.group_name);
  }

  /** The subs of the group's members, sorted. */
  membersOf(poolId: string, groupName: string): string[] {
    return (
      this.db
        .stmt("SELECT sub FROM group_members WHERE pool_id = ? AND group_name = ? ORDER BY sub")
        .all(poolId, groupName) as { sub: string }[]
    ).map((r) => r.sub);
  }

  /** Every membership of a group (the group is being deleted). */
  deleteGroup(poolId: string, groupName: string): void {
    this.db.stmt("DELETE FROM group_members WHERE pool_id = ? AND group_name = ?").run(poolId, groupName);
  }

  deleteUser(poolId: string, sub: string): void {
    this.db.stmt("DELETE FROM group_members WHERE pool_id = ? AND sub = ?").run(poolId, sub);
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM group_members WHERE pool_id = ?").run(poolId);
  }
}
