import type { StoreDb } from "../db";
import type { PoolScoped, UserScoped } from "./scoped";

/**
 * A device the user pool issued to a user at sign-in (`NewDeviceMetadata`). It is confirmed once
 * ConfirmDevice stores its SRP verifier; only then can it sign in with device authentication.
 * Times are epoch milliseconds.
 */
export interface DeviceRecord {
  poolId: string;
  sub: string;
  deviceKey: string;
  deviceGroupKey: string;
  confirmed: boolean;
  remembered: boolean;
  name?: string;
  /** The device secret's SRP verifier and salt (hex), from ConfirmDevice. */
  verifier?: { salt: string; verifier: string };
  createdAt: number;
  modifiedAt: number;
  lastAuthenticatedAt: number;
  lastIp?: string;
}

/** The devices of each user, ordered by when the pool issued them. */
export class DevicesRepo implements PoolScoped, UserScoped {
  constructor(private readonly db: StoreDb) {}

  /** Inserts or replaces the device (its issue order is kept). */
  put(device: DeviceRecord): void {
    this.db
      .stmt(
        `INSERT INTO devices (pool_id, sub, device_key, seq, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(pool_id, sub, device_key) DO UPDATE SET data = excluded.data`,
      )
      .run(device.poolId, device.sub, device.deviceKey, this.db.nextSeq(), JSON.stringify(device));
  }

  get(poolId: string, sub: string, deviceKey: string): DeviceRecord | undefined {
    const row = this.db
      .stmt("SELECT data FROM devices WHERE pool_id = ? AND sub = ? AND device_key = ?")
      .get(poolId, sub, deviceKey) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as DeviceRecord) : undefined;
  }

  /** The user's devices, oldest first. */
  listOf(poolId: string, sub: string): DeviceRecord[] {
    const rows = this.db
      .stmt("SELECT data FROM devices WHERE pool_id = ? AND sub = ? ORDER BY seq")
      .all(poolId, sub) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as DeviceRecord);
  }

  /** False when the user had no such device. */
  delete(poolId: string, sub: string, deviceKey: string): boolean {
    const res = this.db
      .stmt("DELETE FROM devices WHERE pool_id = ? AND sub = ? AND device_key = ?")
      .run(poolId, sub, deviceKey);
    return res.changes > 0;
  }

  deleteUser(poolId: string, sub: string): void {
    this.db.stmt("DELETE FROM devices WHERE pool_id = ? AND sub = ?").run(poolId, sub);
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM devices WHERE pool_id = ?").run(poolId);
  }
}
