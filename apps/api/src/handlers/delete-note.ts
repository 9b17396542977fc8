import { z } from "zod";
import { documentClient } from "../data/clients";
import { NoteIdSchema, NotesRepository } from "../data/notes";
import { NotFoundError } from "../http/errors";
import { parseParams } from "../http/request";
import { noContent } from "../http/response";
import { routeHandler } from "../http/route-handler";

const Path = z.object({ noteId: NoteIdSchema });

/** `DELETE /notes/{noteId}`: 204, or 404 when the caller has no such note. */
export const handler = routeHandler("delete-note", async ({ event, claims, config }) => {
  const { noteId } = parseParams(event.pathParameters, Path, "path");
  const deleted = await new NotesRepository(documentClient(config), config.appTable).delete(
    claims.sub,
    noteId,
  );
  if (!deleted) throw new NotFoundError("Note not found");
  return noContent();
});
