import { endpoints } from "@repo/api-contract";
import { documentClient } from "../data/clients";
import { NotesRepository } from "../data/notes";
import { NotFoundError } from "../http/errors";
import { parseParams } from "../http/request";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `DELETE /notes/{noteId}`: 204, or 404 when the caller has no such note. */
export const handler = routeHandler("delete-note", async ({ event, claims, config }) => {
  const { noteId } = parseParams(event.pathParameters, endpoints["delete-note"].params, "path");
  const deleted = await new NotesRepository(documentClient(config), config.appTable).delete(
    claims.sub,
    noteId,
  );
  if (!deleted) throw new NotFoundError("Note not found");
  return respond("delete-note", 204, undefined);
});
