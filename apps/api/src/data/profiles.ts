import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { Profile } from "@repo/api-contract";
import { userPartition } from "./partition";

/** The app's profile record of a user, created once at confirmation (`pk = USER#<sub>`, `sk = PROFILE`). */
export type { Profile };

/** The profile record's sort key (its partition is the user's, `USER#<sub>`). */
export const PROFILE_SK = "PROFILE";

export class ProfilesRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Creates the profile unless it exists (Cognito may deliver a trigger more than once). */
  async createIfAbsent(profile: Profile): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: userPartition(profile.sub), sk: PROFILE_SK, type: "profile", ...profile },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async get(sub: string): Promise<Profile | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: userPartition(sub), sk: PROFILE_SK } }),
    );
    return res.Item ? toProfile(res.Item) : undefined;
  }
}

/** A stored profile item as the contract's `Profile` (its keys and other attributes dropped). */
export function toProfile(item: Record<string, unknown>): Profile {
  return Profile.parse(item);
}
