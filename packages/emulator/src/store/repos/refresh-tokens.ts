import { refreshTokenKey, type StoreDb } from "../db";
import type { PoolScoped, UserScoped } from "./scoped";

export interface RefreshTokenRow {
  token: string;
  poolId: string;
  clientId: string;
  sub: string;
  originJti: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
  /** Set when refresh-token rotation replaced it: it works until then (epoch ms, the grace period). */
  validUntil?: number;
  /** Remembered devices: the device it was issued to; it refreshes only with that `DEVICE_KEY`. */
  deviceKey?: string;
}

/**
 * Refresh tokens, kept as SHA-256 hashes: the store never holds a usable token. Revoking one also
 * revokes its origin (`origin_jti`), which every access token minted with it carries.
 */
export class RefreshTokensRepo implements PoolScoped, UserScoped {
  constructor(private readonly db: StoreDb) {}

  put(row: RefreshTokenRow): void {
    this.db
      .stmt(
        `INSERT INTO refresh_tokens (token_hash, pool_id, client_id, sub, origin_jti, auth_time, expires_at, revoked, device_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        refreshTokenKey(row.token),
        row.poolId,
        row.clientId,
        row.sub,
        row.originJti,
        row.authTime,
        row.expiresAt,
        row.revoked ? 1 : 0,
        row.deviceKey ?? null,
      );
  }

  get(token: string): RefreshTokenRow | undefined {
    const r = this.db.stmt("SELECT * FROM refresh_tokens WHERE token_hash = ?").get(refreshTokenKey(token)) as
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
      ...(r.valid_until !== null && r.valid_until !== undefined ? { validUntil: Number(r.valid_until) } : {}),
      ...(typeof r.device_key === "string" ? { deviceKey: r.device_key } : {}),
    };
  }

  /**
   * Rotation: the token keeps working until `validUntil` (now, or the end of the grace period),
   * without revoking its origin, so the tokens minted from its successor stay valid. A token that
   * was already rotated keeps its earlier deadline. False when it had been rotated out already.
   */
  retire(token: string, validUntil: number, now: number): boolean {
    const res = this.db
      .stmt(
        `UPDATE refresh_tokens SET valid_until = MIN(COALESCE(valid_until, ?), ?)
         WHERE token_hash = ? AND (valid_until IS NULL OR valid_until > ?)`,
      )
      .run(validUntil, validUntil, refreshTokenKey(token), now);
    return res.changes > 0;
  }

  /** Revokes one token and its origin. */
  revoke(token: string, originJti: string, at: number): void {
    this.db.transaction(() => {
      this.db.stmt("UPDATE refresh_tokens SET revoked = 1 WHERE token_hash = ?").run(refreshTokenKey(token));
      this.db
        .stmt("INSERT OR IGNORE INTO revoked_origins (origin_jti, revoked_at) VALUES (?, ?)")
        .run(originJti, at);
    });
  }

  /** Global sign-out: every refresh token of the user, and every access token minted with one, stops working. */
  revokeAll(poolId: string, sub: string, at: number): void {
    this.db.transaction(() => {
      this.db
        .stmt(
          `INSERT OR IGNORE INTO revoked_origins (origin_jti, revoked_at)
           SELECT origin_jti, ? FROM refresh_tokens WHERE pool_id = ? AND sub = ? AND revoked = 0`,
        )
        .run(at, poolId, sub);
      this.db.stmt("UPDATE refresh_tokens SET revoked = 1 WHERE pool_id = ? AND sub = ?").run(poolId, sub);
    });
  }

  isOriginRevoked(originJti: string): boolean {
    return this.db.stmt("SELECT 1 FROM revoked_origins WHERE origin_jti = ?").get(originJti) !== undefined;
  }

  /** A deleted user's tokens are revoked (their origins are not). */
  deleteUser(poolId: string, sub: string): void {
    this.db.stmt("UPDATE refresh_tokens SET revoked = 1 WHERE pool_id = ? AND sub = ?").run(poolId, sub);
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM refresh_tokens WHERE pool_id = ?").run(poolId);
  }
}
