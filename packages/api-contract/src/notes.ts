import { z } from "zod";

/** Note IDs are UUIDs (version 7 since notes list newest first; older notes have version 4). */
export const NoteId = z.uuid();

/** A note as the API returns it. */
export const Note = z.object({
  id: NoteId,
  title: z.string(),
  body: z.string(),
  /** ISO 8601, UTC. */
  createdAt: z.iso.datetime(),
});
export type Note = z.output<typeof Note>;

/** `POST /notes` body. The messages are meant for people: the site shows them as they are. */
export const CreateNoteRequest = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the note a title")
    .max(200, "The title is too long (200 characters at most)"),
  body: z.string().max(10_000, "The note is too long").default(""),
});
export type CreateNoteRequest = z.input<typeof CreateNoteRequest>;

/** `GET /notes` query: page size and the opaque cursor of the previous page's `next`. */
export const ListNotesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
});

/** Path parameters of `/notes/{noteId}`. */
export const NotePath = z.object({ noteId: NoteId });

/** One page of notes, newest first; `next` is there when another page may follow. */
export const NotesPage = z.object({
  notes: z.array(Note),
  next: z.string().optional(),
});
export type NotesPage = z.output<typeof NotesPage>;
