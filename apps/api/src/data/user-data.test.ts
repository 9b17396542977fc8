import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { UnprocessedDeletesError, UserDataRepository } from "./user-data";

const TABLE = "app";
const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ pk: "USER#u", sk: `NOTE#${i}` }));

/** A client that answers the partition's keys, then leaves `unprocessed(call)` deletes of each batch undone. */
function scriptedClient(items: { pk: string; sk: string }[], unprocessed: (call: number) => number) {
  const batches: number[] = [];
  const send = async (command: { input: Record<string, unknown> }) => {
    const input = command.input as {
      KeyConditionExpression?: string;
      RequestItems?: Record<string, unknown[]>;
    };
    if (input.KeyConditionExpression) return { Items: items };
    const requests = input.RequestItems?.[TABLE] ?? [];
    batches.push(requests.length);
    const left = Math.min(requests.length, unprocessed(batches.length));
    return { UnprocessedItems: left ? { [TABLE]: requests.slice(0, left) } : {} };
  };
  return { db: { send } as unknown as DynamoDBDocumentClient, batches };
}

describe("UserDataRepository.deleteAll", () => {
  it("deletes in batches of 25 and sends unprocessed deletes again", async () => {
    const { db, batches } = scriptedClient(keys(30), (call) => (call === 1 ? 3 : 0));
    const pauses: number[] = [];
    const repo = new UserDataRepository(db, TABLE, async (ms) => void pauses.push(ms));
    expect(await repo.deleteAll("u")).toBe(30);
    expect(batches).toEqual([25, 3, 5]);
    expect(pauses).toEqual([100]);
  });

  it("gives up with a 503 when DynamoDB keeps leaving deletes undone", async () => {
    const { db, batches } = scriptedClient(keys(2), () => 1);
    const repo = new UserDataRepository(db, TABLE, async () => {});
    const err = await repo.deleteAll("u").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessedDeletesError);
    expect(err).toMatchObject({ statusCode: 503, remaining: 1 });
    expect(batches).toEqual([2, 1, 1, 1, 1, 1]);
  });
});
