import type { StoreDb } from "../db";

export interface OutboxMessage {
  id: number;
  createdAt: number;
  poolId: string;
  medium: "EMAIL" | "SMS";
  recipient: string;
  subject: string | null;
  body: string;
  kind: string;
}

/** Every email and SMS the emulator sent, for people and tests to read (kept when a pool goes). */
export class OutboxRepo {
  constructor(private readonly db: StoreDb) {}

  add(msg: Omit<OutboxMessage, "id">): void {
    this.db
      .stmt(
        "INSERT INTO outbox (created_at, pool_id, medium, recipient, subject, body, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(msg.createdAt, msg.poolId, msg.medium, msg.recipient, msg.subject, msg.body, msg.kind);
  }

  /** The newest messages first, to one recipient (case-insensitive) or to anyone. */
  list(recipient: string | undefined, limit = 200): OutboxMessage[] {
    const rows = (
      recipient
        ? this.db
            .stmt("SELECT * FROM outbox WHERE lower(recipient) = lower(?) ORDER BY id DESC LIMIT ?")
            .all(recipient, limit)
        : this.db.stmt("SELECT * FROM outbox ORDER BY id DESC LIMIT ?").all(limit)
    ) as Record<string, string | number | null>[];
    return rows.map((r) => ({
      id: Number(r.id),
      createdAt: Number(r.created_at),
      poolId: String(r.pool_id),
      medium: r.medium as "EMAIL" | "SMS",
      recipient: String(r.recipient),
      subject: r.subject === null ? null : String(r.subject),
      body: String(r.body),
      kind: String(r.kind),
    }));
  }
}
