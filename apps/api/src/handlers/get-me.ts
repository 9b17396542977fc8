import { documentClient } from "../data/clients";
import { ProfilesRepository } from "../data/profiles";
import { meBody } from "../http/me";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `GET /me`: who the token says the caller is, and their profile record (null until confirmed). */
export const handler = routeHandler("get-me", async ({ claims, config }) => {
  const profiles = new ProfilesRepository(documentClient(config), config.appTable);
  return respond("get-me", 200, meBody(claims, await profiles.get(claims.sub)));
});
