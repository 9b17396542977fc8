import { groupsOf, scopesOf } from "@repo/auth-shared/claims";
import { documentClient } from "../data/clients";
import { ProfilesRepository } from "../data/profiles";
import { json } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `GET /me`: who the token says the caller is, and their profile record (null until confirmed). */
export const handler = routeHandler("get-me", async ({ claims, config }) => {
  const profiles = new ProfilesRepository(documentClient(config), config.appTable);
  const profile = await profiles.get(claims.sub);
  return json(200, {
    sub: claims.sub,
    username: claims.username,
    clientId: claims.client_id,
    scopes: [...scopesOf(claims)],
    groups: groupsOf(claims),
    authTime: claims.auth_time,
    tokenExpiresAt: claims.exp,
    profile: profile ?? null,
  });
});
