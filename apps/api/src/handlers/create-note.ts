import { documentClient } from "../data/clients";
import { NewNoteSchema, NotesRepository } from "../data/notes";
import { parseJsonBody } from "../http/request";
import { json } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `POST /notes`: creates a note owned by the caller; 201 with the note and its location. */
export const handler = routeHandler("create-note", async ({ event, claims, config }) => {
  const input = parseJsonBody(event, NewNoteSchema);
  const notes = new NotesRepository(documentClient(config), config.appTable);
  const note = await notes.create(claims.sub, input);
  return json(201, note, { location: `/notes/${note.id}` });
});
