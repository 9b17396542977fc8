import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Note, NotesPage, ParsedBody } from "@repo/api-contract";
import { z } from "zod";
import { BadRequestError } from "../http/errors";
import { userPartition } from "./partition";
import { timeOrderedUuid } from "./time-ordered-id";

/** A new note, as `POST /notes` parses its body (`CreateNoteRequest`). */
export type NewNote = ParsedBody<"create-note">;

/**
 * The caller's notes in the app table: `pk = USER#<sub>`, `sk = NOTE#<id>`, so a user can only
 * ever read their own partition — another user's note ID simply is not there (404).
 */
export class NotesRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(sub: string, opts: { limit: number; cursor?: string }): Promise<NotesPage> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": userPartition(sub), ":prefix": NOTE_PREFIX },
        ScanIndexForward: false,
        Limit: opts.limit,
        ExclusiveStartKey: opts.cursor ? decodeCursor(opts.cursor, sub) : undefined,
      }),
    );
    const notes = (res.Items ?? []).map(toNote);
    return res.LastEvaluatedKey ? { notes, next: encodeCursor(res.LastEvaluatedKey) } : { notes };
  }

  async get(sub: string, id: string): Promise<Note | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: userPartition(sub), sk: sk(id) } }),
    );
    return res.Item ? toNote(res.Item) : undefined;
  }

  async create(sub: string, input: NewNote, now = new Date()): Promise<Note> {
    // A time-ordered ID makes `NOTE#<id>` sort by creation: listing is newest first. It is only
    // ever shown to the note's owner, who sees its `createdAt` anyway.
    const id = timeOrderedUuid(now);
    const note: Note = { id, title: input.title, body: input.body, createdAt: now.toISOString() };
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: userPartition(sub), sk: sk(id), type: "note", ...note },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return note;
  }

  /** Deletes the caller's note; false when there is no such note of theirs. */
  async delete(sub: string, id: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk: userPartition(sub), sk: sk(id) },
          ConditionExpression: "attribute_exists(pk)",
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}

const sk = (id: string) => `NOTE#${id}`;

/** The sort-key prefix of every note item. */
export const NOTE_PREFIX = "NOTE#";

export function toNote(item: Record<string, unknown>): Note {
  return {
    id: String(item.id),
    title: String(item.title),
    body: String(item.body ?? ""),
    createdAt: String(item.createdAt),
  };
}

/** The opaque cursor of the page that follows the item with this key. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ sk: key.sk })).toString("base64url");
}

/** A cursor only ever addresses the caller's own partition. */
function decodeCursor(cursor: string, sub: string): Record<string, unknown> {
  try {
    const parsed = z
      .object({ sk: z.string().startsWith("NOTE#") })
      .parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return { pk: userPartition(sub), sk: parsed.sk };
  } catch {
    throw new BadRequestError("Invalid cursor");
  }
}
