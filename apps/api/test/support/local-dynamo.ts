import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";
import { appTableKeySchema } from "../../src/functions";

/** A DynamoDB-compatible store on 127.0.0.1 (dynalite), in memory unless `path` is given. */
export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

export async function startLocalDynamo(opts: { port?: number; path?: string } = {}): Promise<LocalDynamo> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path: opts.path });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Creates the app table (`pk`/`sk`, on-demand) unless it exists. */
export async function ensureAppTable(
  endpoint: string,
  tableName: string,
  region = "us-east-1",
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: appTableKeySchema.partitionKey, AttributeType: "S" },
          { AttributeName: appTableKeySchema.sortKey, AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: appTableKeySchema.partitionKey, KeyType: "HASH" },
          { AttributeName: appTableKeySchema.sortKey, KeyType: "RANGE" },
        ],
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  } finally {
    client.destroy();
  }
}
