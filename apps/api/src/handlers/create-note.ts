import { endpoints } from "@repo/api-contract";
import { documentClient } from "../data/clients";
import { NotesRepository } from "../data/notes";
import { parseJsonBody } from "../http/request";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `POST /notes`: creates a note owned by the caller; 201 with the note and its location. */
export const handler = routeHandler("create-note", async ({ event, claims, config }) => {
  const input = parseJsonBody(event, endpoints["create-note"].body);
  const notes = new NotesRepository(documentClient(config), config.appTable);
  const note = await notes.create(claims.sub, input);
  return respond("create-note", 201, note, { location: `/notes/${note.id}` });
});
