import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Note } from "@repo/api-contract";
import { encodeCursor, NOTE_PREFIX, toNote } from "./notes";
import { userPartition } from "./partition";
import { PROFILE_SK, type Profile, toProfile } from "./profiles";

/** What the dashboard shows of a user's partition: the profile and the first page of notes. */
export interface DashboardData {
  profile: Profile | undefined;
  notes: Note[];
  /** The cursor of `GET /notes` for the page after these notes, when there may be one. */
  next?: string;
}

/**
 * Reads the caller's profile and newest notes in **one** query of their partition
 * (`pk = USER#<sub>`): sort keys `NOTE#…` < `PROFILE`, so a descending query over
 * `NOTE#`..`PROFILE` yields the profile first, then the notes in `GET /notes` order. One round
 * trip instead of a GetItem plus a Query; only the caller's own partition is ever read.
 */
export class DashboardRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async read(sub: string, opts: { limit: number }): Promise<DashboardData> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :notes AND :profile",
        ExpressionAttributeValues: {
          ":pk": userPartition(sub),
          ":notes": NOTE_PREFIX,
          ":profile": PROFILE_SK,
        },
        ScanIndexForward: false,
        // One more than the page: the profile comes first when there is one.
        Limit: opts.limit + 1,
      }),
    );
    const items = res.Items ?? [];
    const profileItem = items.find((item) => item.sk === PROFILE_SK);
    const noteItems = items.filter((item) => typeof item.sk === "string" && item.sk.startsWith(NOTE_PREFIX));
    const page = noteItems.slice(0, opts.limit);
    const last = page.at(-1);
    // More notes may follow when this query read more notes than the page holds, or stopped at
    // its limit (as `GET /notes`, the next page may then turn out empty).
    const more = noteItems.length > opts.limit || (res.LastEvaluatedKey !== undefined && page.length > 0);
    return {
      profile: profileItem ? toProfile(profileItem) : undefined,
      notes: page.map(toNote),
      ...(more && last ? { next: encodeCursor(last) } : {}),
    };
  }
}
