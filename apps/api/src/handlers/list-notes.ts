import { endpoints } from "@repo/api-contract";
import { documentClient } from "../data/clients";
import { NotesRepository } from "../data/notes";
import { parseParams } from "../http/request";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `GET /notes`: the caller's notes, newest first, paginated with an opaque cursor. */
export const handler = routeHandler("list-notes", async ({ event, claims, config }) => {
  const query = parseParams(event.queryStringParameters, endpoints["list-notes"].query, "query");
  const notes = new NotesRepository(documentClient(config), config.appTable);
  return respond("list-notes", 200, await notes.list(claims.sub, query));
});
