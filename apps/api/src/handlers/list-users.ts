import { ListUsersCommand, type UserType } from "@aws-sdk/client-cognito-identity-provider";
import { type AdminUser, endpoints } from "@repo/api-contract";
import { cognitoClient } from "../data/clients";
import { parseParams } from "../http/request";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/** `GET /admin/users` (group `admins`): the pool's users through Cognito's ListUsers, paginated. */
export const handler = routeHandler("list-users", async ({ event, config }) => {
  const query = parseParams(event.queryStringParameters, endpoints["list-users"].query, "query");
  const res = await cognitoClient(config).send(
    new ListUsersCommand({
      UserPoolId: config.auth.userPoolId,
      Limit: query.limit,
      PaginationToken: query.next,
    }),
  );
  return respond("list-users", 200, {
    users: (res.Users ?? []).map(toUser),
    ...(res.PaginationToken ? { next: res.PaginationToken } : {}),
  });
});

function toUser(user: UserType): AdminUser {
  // Cognito names every user; the SDK's types make every member optional.
  if (!user.Username) throw new TypeError("ListUsers returned a user without a Username");
  const attrs = Object.fromEntries((user.Attributes ?? []).map((a) => [a.Name, a.Value]));
  return {
    username: user.Username,
    sub: attrs.sub,
    email: attrs.email,
    emailVerified: attrs.email_verified === "true",
    status: user.UserStatus,
    enabled: user.Enabled,
    createdAt: user.UserCreateDate?.toISOString(),
  };
}
