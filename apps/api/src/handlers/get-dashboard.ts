import { endpoints } from "@repo/api-contract";
import { documentClient } from "../data/clients";
import { DashboardRepository } from "../data/dashboard";
import { meBody } from "../http/me";
import { parseParams } from "../http/request";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/**
 * `GET /dashboard`: the bodies of `GET /me` and of the first page of `GET /notes` in one answer,
 * so a page that shows both makes one call (one token verification, one query) instead of two.
 */
export const handler = routeHandler("get-dashboard", async ({ event, claims, config }) => {
  const query = parseParams(event.queryStringParameters, endpoints["get-dashboard"].query, "query");
  const data = await new DashboardRepository(documentClient(config), config.appTable).read(claims.sub, query);
  return respond("get-dashboard", 200, {
    me: meBody(claims, data.profile),
    notes: { notes: data.notes, ...(data.next ? { next: data.next } : {}) },
  });
});
