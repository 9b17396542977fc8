import { z } from "zod";
import { documentClient } from "../data/clients";
import { NotesRepository } from "../data/notes";
import { parseParams } from "../http/request";
import { json } from "../http/response";
import { routeHandler } from "../http/route-handler";

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
});

/** `GET /notes`: the caller's notes, newest first, paginated with an opaque cursor. */
export const handler = routeHandler("list-notes", async ({ event, claims, config }) => {
  const query = parseParams(event.queryStringParameters, Query, "query");
  const notes = new NotesRepository(documentClient(config), config.appTable);
  const page = await notes.list(claims.sub, query);
  return json(200, page);
});
