import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../clock";
import { parseStack } from "../stack/model";
import { parseStackFiles } from "../stack/reader";
import { startLocalDynamoDb } from "./local-dynamodb";
import { tablesOf } from "./tables";

// The sessions table exactly as infra synthesizes it (next-auth's adapter key schema).
const tableStack = (tables: Record<string, unknown>) =>
  parseStack(
    parseStackFiles([
      { file: "cdk.tf.json", text: JSON.stringify({ resource: { aws_dynamodb_table: tables } }) },
    ]),
    { region: "us-east-1", accountId: "123456789012", origin: "http://127.0.0.1", secretSeed: "" },
  ).tables;
const sessions = tablesOf(
  tableStack({
    data_sessions: {
      name: "local-sessions",
      hash_key: "pk",
      range_key: "sk",
      attribute: [
        { name: "pk", type: "S" },
        { name: "sk", type: "S" },
        { name: "GSI1PK", type: "S" },
        { name: "GSI1SK", type: "S" },
      ],
      global_secondary_index: [
        { name: "GSI1", hash_key: "GSI1PK", range_key: "GSI1SK", projection_type: "ALL" },
      ],
      ttl: { attribute_name: "expires", enabled: true },
    },
  }),
);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function documentClient(endpoint: string) {
  return DynamoDBDocument.from(
    new DynamoDBClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    }),
  );
}

describe("startLocalDynamoDb", () => {
  it("maps infra's table to CreateTable, with its GSI and TTL attribute", () => {
    expect(sessions[0]?.ttlAttribute).toBe("expires");
    expect(sessions[0]?.create.GlobalSecondaryIndexes?.[0]?.IndexName).toBe("GSI1");
  });

  it("keeps items and GSI entries across a restart on the same folder", async () => {
    const path = mkdtempSync(join(tmpdir(), "dynamodb-"));
    dirs.push(path);
    const clock = new ManualClock(new Date("2026-11-27T12:00:00Z"));
    const first = await startLocalDynamoDb({ path, tables: sessions, clock });
    await documentClient(first.endpoint).put({
      TableName: "local-sessions",
      Item: {
        pk: "USER#1",
        sk: "SESSION#abc",
        GSI1PK: "SESSION#abc",
        GSI1SK: "SESSION#abc",
        expires: 1_900_000_000,
      },
    });
    await first.close();

    const second = await startLocalDynamoDb({ path, tables: sessions, clock });
    const db = documentClient(second.endpoint);
    const byIndex = await db.query({
      TableName: "local-sessions",
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :p AND GSI1SK = :s",
      ExpressionAttributeValues: { ":p": "SESSION#abc", ":s": "SESSION#abc" },
    });
    expect(byIndex.Items?.[0]).toMatchObject({ pk: "USER#1", sk: "SESSION#abc" });
    await second.close();
  });

  it("sweeps items whose TTL is in the past and keeps the rest", async () => {
    const clock = new ManualClock(new Date("2026-11-27T12:00:00Z"));
    const store = await startLocalDynamoDb({ tables: sessions, clock });
    const db = documentClient(store.endpoint);
    const now = Math.floor(clock.now().getTime() / 1000);
    for (let i = 0; i < 30; i++) {
      await db.put({
        TableName: "local-sessions",
        Item: { pk: `USER#${i}`, sk: "SESSION#old", expires: now - 10 },
      });
    }
    await db.put({
      TableName: "local-sessions",
      Item: { pk: "USER#live", sk: "SESSION#new", expires: now + 3600 },
    });
    await db.put({ TableName: "local-sessions", Item: { pk: "USER#live", sk: "USER#live" } });
    expect(await store.sweepExpired()).toBe(30);
    const left = await db.scan({ TableName: "local-sessions" });
    expect(left.Items?.map((i) => i.sk).sort()).toEqual(["SESSION#new", "USER#live"]);
    await store.close();
  });
});
