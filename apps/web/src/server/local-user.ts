import "server-only";
import { env } from "~/env";
import { dynamo } from "./dynamo";

/** Every key in the user's partition of the sessions table (user, accounts, sessions). */
async function partitionKeys(userId: string): Promise<{ pk: string; sk: string }[]> {
  const keys: { pk: string; sk: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.query({
      TableName: env.SESSIONS_TABLE,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `USER#${userId}` },
      ProjectionExpression: "pk, sk",
      ExclusiveStartKey: start,
    });
    for (const item of res.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    start = res.LastEvaluatedKey;
  } while (start);
  return keys;
}

const BATCH = 25;

/**
 * Removes everything the web app keeps about a user (next-auth's user record, the Cognito account
 * with its tokens, every session), after the Cognito user was deleted. Unprocessed items of a
 * batch are written again until none are left.
 */
export async function deleteLocalUser(userId: string): Promise<void> {
  const keys = await partitionKeys(userId);
  for (let i = 0; i < keys.length; i += BATCH) {
    let requests = keys.slice(i, i + BATCH).map((Key) => ({ DeleteRequest: { Key } }));
    while (requests.length > 0) {
      const res = await dynamo.batchWrite({ RequestItems: { [env.SESSIONS_TABLE]: requests } });
      requests = (res.UnprocessedItems?.[env.SESSIONS_TABLE] ?? []).flatMap((r) =>
        r.DeleteRequest?.Key
          ? [{ DeleteRequest: { Key: r.DeleteRequest.Key as { pk: string; sk: string } } }]
          : [],
      );
    }
  }
}

/**
 * Keeps next-auth's user record in step with Cognito after a verified email change or a new name
 * (the header shows them; the adapter finds users by email through GSI1).
 */
export async function syncLocalUser(
  userId: string,
  changes: { email?: string; name?: string },
): Promise<void> {
  const sets: string[] = [];
  const values: Record<string, string> = {};
  if (changes.name !== undefined) {
    sets.push("#name = :name");
    values[":name"] = changes.name;
  }
  if (changes.email !== undefined) {
    sets.push("email = :email", "GSI1PK = :gsi", "GSI1SK = :gsi");
    values[":email"] = changes.email;
    values[":gsi"] = `USER#${changes.email}`;
  }
  if (sets.length === 0) return;
  await dynamo.update({
    TableName: env.SESSIONS_TABLE,
    Key: { pk: `USER#${userId}`, sk: `USER#${userId}` },
    UpdateExpression: `SET ${sets.join(", ")}`,
    ...(changes.name !== undefined ? { ExpressionAttributeNames: { "#name": "name" } } : {}),
    ExpressionAttributeValues: values,
    ConditionExpression: "attribute_exists(pk)",
  });
}
