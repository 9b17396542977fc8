import { ListUsersCommand, type UserType } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { cognitoClient } from "../data/clients";
import { parseParams } from "../http/request";
import { json } from "../http/response";
import { routeHandler } from "../http/route-handler";

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(20),
  next: z.string().min(1).max(2048).optional(),
});

/** `GET /admin/users` (group `admins`): the pool's users through Cognito's ListUsers, paginated. */
export const handler = routeHandler("list-users", async ({ event, config }) => {
  const query = parseParams(event.queryStringParameters, Query, "query");
  const res = await cognitoClient(config).send(
    new ListUsersCommand({
      UserPoolId: config.auth.userPoolId,
      Limit: query.limit,
      PaginationToken: query.next,
    }),
  );
  return json(200, {
    users: (res.Users ?? []).map(toUser),
    ...(res.PaginationToken ? { next: res.PaginationToken } : {}),
  });
});

function toUser(user: UserType) {
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
