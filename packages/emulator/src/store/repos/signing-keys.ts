import type { StoreDb } from "../db";
import type { PoolScoped } from "./scoped";

export interface SigningKeyRow {
  kid: string;
  privateKeyPem: string;
  publicJwk: object;
}

/** A pool's RS256 keys: one for ID tokens, one for access tokens. */
export class SigningKeysRepo implements PoolScoped {
  constructor(private readonly db: StoreDb) {}

  get(poolId: string, use: "id" | "access"): SigningKeyRow | undefined {
    const row = this.db
      .stmt("SELECT kid, private_pem, public_jwk FROM signing_keys WHERE pool_id = ? AND use = ?")
      .get(poolId, use) as { kid: string; private_pem: string; public_jwk: string } | undefined;
    return row
      ? { kid: row.kid, privateKeyPem: row.private_pem, publicJwk: JSON.parse(row.public_jwk) }
      : undefined;
  }

  put(poolId: string, use: "id" | "access", key: SigningKeyRow): void {
    this.db
      .stmt(
        "INSERT OR REPLACE INTO signing_keys (pool_id, use, kid, private_pem, public_jwk) VALUES (?, ?, ?, ?, ?)",
      )
      .run(poolId, use, key.kid, key.privateKeyPem, JSON.stringify(key.publicJwk));
  }

  deletePool(poolId: string): void {
    this.db.stmt("DELETE FROM signing_keys WHERE pool_id = ?").run(poolId);
  }
}
