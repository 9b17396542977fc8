import { CognitoIdentityProviderClient, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { startTestPool, type TestPool } from "@repo/auth-shared/testing";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeEnv } from "./support/env";
import { bodyOf, httpEvent } from "./support/events";

let pool: TestPool;
let handler: typeof import("../src/handlers/list-users").handler;
const cognito = mockClient(CognitoIdentityProviderClient);

beforeAll(async () => {
  pool = await startTestPool();
  for (const [k, v] of Object.entries(routeEnv(pool, "http://127.0.0.1:9", "app-test"))) vi.stubEnv(k, v);
  handler = (await import("../src/handlers/list-users")).handler;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  cognito.restore();
  await pool.close();
});

const event = (token: string, query?: Record<string, string>) =>
  httpEvent({ method: "GET", path: "/admin/users", token, ...(query ? { query } : {}) });

describe("GET /admin/users", () => {
  it("lists the pool's users for an admin, passing the page size and token to ListUsers", async () => {
    cognito.reset();
    cognito.on(ListUsersCommand).resolves({
      Users: [
        {
          Username: "a1b2",
          Enabled: true,
          UserStatus: "CONFIRMED",
          UserCreateDate: new Date("2026-11-01T10:00:00Z"),
          Attributes: [
            { Name: "sub", Value: "a1b2" },
            { Name: "email", Value: "ada@example.com" },
            { Name: "email_verified", Value: "true" },
          ],
        },
      ],
      PaginationToken: "page-2",
    });
    const token = pool.accessToken({ groups: ["admins"] }, { scope: "api/read" });
    const res = await handler(event(token, { limit: "10", next: "page-1" }));
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toEqual({
      users: [
        {
          username: "a1b2",
          sub: "a1b2",
          email: "ada@example.com",
          emailVerified: true,
          status: "CONFIRMED",
          enabled: true,
          createdAt: "2026-11-01T10:00:00.000Z",
        },
      ],
      next: "page-2",
    });
    expect(cognito.commandCalls(ListUsersCommand)[0]?.args[0].input).toEqual({
      UserPoolId: pool.userPoolId,
      Limit: 10,
      PaginationToken: "page-1",
    });
  });

  it("answers 403 to a user outside the admins group without calling Cognito", async () => {
    cognito.reset();
    const res = await handler(event(pool.accessToken({ groups: ["users"] }, { scope: "api/read" })));
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res)).toEqual({ error: "forbidden", message: "Requires membership of group admins" });
    expect(cognito.commandCalls(ListUsersCommand)).toHaveLength(0);
  });

  it("refuses a page size above Cognito's limit of 60 with 400", async () => {
    const res = await handler(
      event(pool.accessToken({ groups: ["admins"] }, { scope: "api/read" }), { limit: "61" }),
    );
    expect(res.statusCode).toBe(400);
  });

  it("answers 503 when Cognito cannot be reached", async () => {
    cognito.reset();
    cognito
      .on(ListUsersCommand)
      .rejects(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    const res = await handler(event(pool.accessToken({ groups: ["admins"] }, { scope: "api/read" })));
    expect(res.statusCode).toBe(503);
    expect(res.headers?.["retry-after"]).toBe("5");
  });
});
