import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxRepo } from "./outbox";
import { type TempDb, tempDb } from "./temp-db";

const message = (recipient: string, body: string, medium: "EMAIL" | "SMS" = "EMAIL") => ({
  createdAt: 1,
  poolId: "p",
  medium,
  recipient,
  subject: medium === "EMAIL" ? "Your code" : null,
  body,
  kind: "signup",
});

describe("OutboxRepo", () => {
  let t: TempDb;
  let outbox: OutboxRepo;
  beforeEach(() => {
    t = tempDb();
    outbox = new OutboxRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("lists the newest messages first, to one recipient whatever its case, up to the limit", () => {
    outbox.add(message("Alice@Example.com", "one"));
    outbox.add(message("+15550100", "two", "SMS"));
    outbox.add(message("alice@example.com", "three"));
    expect(outbox.list("ALICE@example.com").map((m) => m.body)).toEqual(["three", "one"]);
    expect(outbox.list(undefined).map((m) => m.body)).toEqual(["three", "two", "one"]);
    expect(outbox.list(undefined, 1).map((m) => m.body)).toEqual(["three"]);
    expect(outbox.list("+15550100")[0]).toEqual({ id: 2, ...message("+15550100", "two", "SMS") });
  });
});
