import { documentClient } from "../data/clients";
import { UserDataRepository } from "../data/user-data";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/**
 * `DELETE /me`: erases everything the app table holds about the caller (profile and notes), 204.
 * The site calls it when a user deletes their account, before deleting the Cognito user; it is
 * idempotent, so a retry after a partial failure finishes the job.
 */
export const handler = routeHandler("delete-me", async ({ claims, config }) => {
  await new UserDataRepository(documentClient(config), config.appTable).deleteAll(claims.sub);
  return respond("delete-me", 204, undefined);
});
