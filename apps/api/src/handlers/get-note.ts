import { endpoints } from "@repo/api-contract";
import { documentClient } from "../data/clients";
import { NotesRepository } from "../data/notes";
import { NotFoundError } from "../http/errors";
import { parseParams } from "../http/request";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `GET /notes/{noteId}`: one of the caller's notes; another user's note is a 404, never a 403. */
export const handler = routeHandler("get-note", async ({ event, claims, config }) => {
  const { noteId } = parseParams(event.pathParameters, endpoints["get-note"].params, "path");
  const note = await new NotesRepository(documentClient(config), config.appTable).get(claims.sub, noteId);
  if (!note) throw new NotFoundError("Note not found");
  return respond("get-note", 200, note);
});
