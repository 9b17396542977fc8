import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";
import type { Clock } from "../clock";
import type { TableDefinition } from "./tables";

export interface LocalDynamoDbOptions {
  port?: number;
  host?: string;
  /** A folder for the LevelDB files (data survives restarts); in memory when absent. */
  path?: string;
  tables?: TableDefinition[];
  clock: Clock;
  /** How often expired items are swept from TTL tables; 0 disables the timer (tests sweep by hand). */
  sweepEveryMs?: number;
}

export interface LocalDynamoDb {
  endpoint: string;
  /** Deletes items whose TTL attribute (epoch seconds) is in the past; returns how many. */
  sweepExpired(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A DynamoDB-compatible store on 127.0.0.1 (dynalite), its tables created from the infra
 * definition. dynalite has no TTL, so expired items (next-auth sessions and tokens) are swept here.
 */
export async function startLocalDynamoDb(options: LocalDynamoDbOptions): Promise<LocalDynamoDb> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    path: options.path,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const endpoint = `http://${address}:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  for (const table of options.tables ?? []) {
    try {
      await client.send(new CreateTableCommand(table.create));
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
    }
  }

  const ttlTables = (options.tables ?? []).filter((t) => t.ttlAttribute);
  const sweepExpired = async (): Promise<number> => {
    const now = Math.floor(options.clock.now().getTime() / 1000);
    let deleted = 0;
    for (const table of ttlTables) {
      const keys = (table.create.KeySchema ?? []).map((k) => k.AttributeName as string);
      let start: Record<string, never> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: table.create.TableName,
            FilterExpression: "#ttl < :now",
            ExpressionAttributeNames: { "#ttl": table.ttlAttribute as string },
            ExpressionAttributeValues: { ":now": { N: String(now) } },
            ExclusiveStartKey: start,
          }),
        );
        const expired = page.Items ?? [];
        for (let i = 0; i < expired.length; i += 25) {
          const batch = expired.slice(i, i + 25).map((item) => ({
            DeleteRequest: { Key: Object.fromEntries(keys.map((k) => [k, item[k] as never])) },
          }));
          await client.send(new BatchWriteItemCommand({ RequestItems: { [table.create.TableName]: batch } }));
          deleted += batch.length;
        }
        start = page.LastEvaluatedKey as Record<string, never> | undefined;
      } while (start);
    }
    return deleted;
  };

  const timer =
    options.sweepEveryMs && ttlTables.length
      ? setInterval(() => {
          sweepExpired().catch((err: unknown) =>
            console.error(`[dynamodb] TTL sweep failed: ${String(err)}`),
          );
        }, options.sweepEveryMs)
      : undefined;
  timer?.unref();

  return {
    endpoint,
    sweepExpired,
    close: async () => {
      if (timer) clearInterval(timer);
      client.destroy();
      await new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
