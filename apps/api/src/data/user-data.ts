import { setTimeout as sleep } from "node:timers/promises";
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { ServiceUnavailableError } from "../http/errors";
import { userPartition } from "./partition";

/** DynamoDB's most requests in one BatchWriteItem. */
const BATCH_SIZE = 25;
/** How often unprocessed deletes (throttling) are sent again before giving up. */
const MAX_RETRIES = 5;

/** Deletes DynamoDB left unprocessed after every retry (throttling): 503, and the client may try again. */
export class UnprocessedDeletesError extends ServiceUnavailableError {
  constructor(readonly remaining: number) {
    super(`${remaining} items could not be deleted yet; try again`);
  }
}

type Key = { pk: string; sk: string };

/**
 * Everything the app table holds about one user: their partition `USER#<sub>` (profile, notes
 * and whatever comes later), erased as a whole when the account is deleted.
 */
export class UserDataRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pause: (ms: number) => Promise<unknown> = sleep,
  ) {}

  /** Deletes every item of the user's partition; returns how many. Safe to repeat. */
  async deleteAll(sub: string): Promise<number> {
    let deleted = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": userPartition(sub) },
          ProjectionExpression: "pk, sk",
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      const keys = (page.Items ?? []) as Key[];
      for (let i = 0; i < keys.length; i += BATCH_SIZE) {
        await this.deleteBatch(keys.slice(i, i + BATCH_SIZE));
      }
      deleted += keys.length;
      start = page.LastEvaluatedKey;
    } while (start);
    return deleted;
  }

  private async deleteBatch(keys: Key[]): Promise<void> {
    let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > MAX_RETRIES) throw new UnprocessedDeletesError(requests.length);
      if (attempt > 0) await this.pause(50 * 2 ** attempt);
      const res = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } }));
      requests = (res.UnprocessedItems?.[this.table] ?? []) as typeof requests;
    }
  }
}
