/** A repository whose rows belong to a user pool: deleting the pool deletes them. */
export interface PoolScoped {
  /** Deletes every row of the pool (called inside the store's `deletePool` transaction). */
  deletePool(poolId: string): void;
}

/** A repository with rows that go with a user: deleting the user deletes (or revokes) them. */
export interface UserScoped {
  /** Called inside the transaction of `users.delete`. */
  deleteUser(poolId: string, sub: string): void;
}
