import { z } from "zod";
import { documentClient } from "../data/clients";
import { DashboardRepository } from "../data/dashboard";
import { meBody } from "../http/me";
import { parseParams } from "../http/request";
import { json } from "../http/response";
import { routeHandler } from "../http/route-handler";

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/**
 * `GET /dashboard`: the bodies of `GET /me` and of the first page of `GET /notes` in one answer,
 * so a page that shows both makes one call (one token verification, one query) instead of two.
 */
export const handler = routeHandler("get-dashboard", async ({ event, claims, config }) => {
  const query = parseParams(event.queryStringParameters, Query, "query");
  const data = await new DashboardRepository(documentClient(config), config.appTable).read(claims.sub, query);
  return json(200, {
    me: meBody(claims, data.profile),
    notes: { notes: data.notes, ...(data.next ? { next: data.next } : {}) },
  });
});
