import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { startTestPool, type TestPool } from "@repo/auth-shared/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NotesRepository } from "../src/data/notes";
import { ProfilesRepository } from "../src/data/profiles";
import { routeEnv } from "./support/env";
import { bodyOf, httpEvent } from "./support/events";
import { ensureAppTable, type LocalDynamo, startLocalDynamo } from "./support/local-dynamo";

const TABLE = "app-test";
let pool: TestPool;
let dynamo: LocalDynamo;
let handlers: {
  getMe: typeof import("../src/handlers/get-me").handler;
  deleteMe: typeof import("../src/handlers/delete-me").handler;
  getDashboard: typeof import("../src/handlers/get-dashboard").handler;
  listNotes: typeof import("../src/handlers/list-notes").handler;
  createNote: typeof import("../src/handlers/create-note").handler;
  getNote: typeof import("../src/handlers/get-note").handler;
  deleteNote: typeof import("../src/handlers/delete-note").handler;
  health: typeof import("../src/handlers/get-service-health").handler;
};

const alice = { sub: "11111111-1111-4111-8111-111111111111", username: "alice", groups: ["users"] };
const bob = { sub: "22222222-2222-4222-8222-222222222222", username: "bob", groups: ["users"] };
const rw = { scope: "openid email api/read api/write" };
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };
/** A client of the test's app table, for arranging and checking data behind the handlers' backs. */
const appTableClient = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: "us-east-1", credentials: localCredentials }),
  );

beforeAll(async () => {
  pool = await startTestPool();
  dynamo = await startLocalDynamo();
  await ensureAppTable(dynamo.endpoint, TABLE);
  for (const [k, v] of Object.entries(routeEnv(pool, dynamo.endpoint, TABLE))) vi.stubEnv(k, v);
  handlers = {
    getMe: (await import("../src/handlers/get-me")).handler,
    deleteMe: (await import("../src/handlers/delete-me")).handler,
    getDashboard: (await import("../src/handlers/get-dashboard")).handler,
    listNotes: (await import("../src/handlers/list-notes")).handler,
    createNote: (await import("../src/handlers/create-note")).handler,
    getNote: (await import("../src/handlers/get-note")).handler,
    deleteNote: (await import("../src/handlers/delete-note")).handler,
    health: (await import("../src/handlers/get-service-health")).handler,
  };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await pool.close();
  await dynamo.close();
});

describe("GET /me", () => {
  it("returns the caller's claims and a null profile before confirmation", async () => {
    const res = await handlers.getMe(
      httpEvent({ method: "GET", path: "/me", token: pool.accessToken(alice, rw) }),
    );
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toMatchObject({
      sub: alice.sub,
      username: "alice",
      groups: ["users"],
      scopes: ["openid", "email", "api/read", "api/write"],
      profile: null,
    });
  });

  it("answers 401 with a bare Bearer challenge without a token", async () => {
    const res = await handlers.getMe(httpEvent({ method: "GET", path: "/me" }));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.["www-authenticate"]).toBe('Bearer realm="api"');
  });

  it("answers 401 invalid_token for an ID token", async () => {
    const res = await handlers.getMe(httpEvent({ method: "GET", path: "/me", token: pool.idToken(alice) }));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.["www-authenticate"]).toContain('error="invalid_token"');
    expect(bodyOf(res)).toEqual({ error: "invalid_token", message: "Expected access token" });
  });

  it("answers 403 insufficient_scope without api/read", async () => {
    const res = await handlers.getMe(
      httpEvent({
        method: "GET",
        path: "/me",
        token: pool.accessToken(alice, { scope: "aws.cognito.signin.user.admin" }),
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers?.["www-authenticate"]).toContain(
      'error="insufficient_scope", error_description="Requires scope api/read", scope="api/read"',
    );
  });

  it("answers 403 to a client_credentials token on a user route", async () => {
    const res = await handlers.getMe(
      httpEvent({ method: "GET", path: "/me", token: pool.clientCredentialsToken(["api/read"]) }),
    );
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res)).toMatchObject({ error: "forbidden" });
  });
});

describe("GET /dashboard", () => {
  const dave = { sub: "44444444-4444-4444-8444-444444444444", username: "dave", groups: ["users"] };
  const dashboard = (token: string, query?: Record<string, string>) =>
    handlers.getDashboard(
      httpEvent({ method: "GET", path: "/dashboard", token, ...(query ? { query } : {}) }),
    );

  it("answers what GET /me and GET /notes answer, with the profile and notes read in one query", async () => {
    const token = pool.accessToken(dave, rw);
    const profiles = new ProfilesRepository(appTableClient(), TABLE);
    await profiles.createIfAbsent({
      sub: dave.sub,
      username: "dave",
      email: "dave@example.com",
      plan: "free",
      createdAt: "2026-11-28T00:00:00.000Z",
    });
    for (const title of ["one", "two", "three"]) {
      await handlers.createNote(httpEvent({ method: "POST", path: "/notes", token, body: { title } }));
    }

    const res = await dashboard(token, { limit: "50" });

    expect(res.statusCode).toBe(200);
    expect(res.headers?.["cache-control"]).toBe("no-store");
    const me = bodyOf(await handlers.getMe(httpEvent({ method: "GET", path: "/me", token })));
    const notes = bodyOf(
      await handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token, query: { limit: "50" } })),
    );
    expect(bodyOf(res)).toEqual({ me, notes });
    expect(bodyOf(res).me).toMatchObject({
      sub: dave.sub,
      profile: { email: "dave@example.com", plan: "free" },
    });
    expect((notes.notes as unknown[]).length).toBe(3);
  });

  it("pages the notes with the cursor of GET /notes, with or without a profile", async () => {
    const erin = { sub: "55555555-5555-4555-8555-555555555555", username: "erin" };
    const token = pool.accessToken(erin, rw);
    for (const title of ["one", "two", "three"]) {
      await handlers.createNote(httpEvent({ method: "POST", path: "/notes", token, body: { title } }));
    }

    const first = bodyOf(await dashboard(token, { limit: "2" }));

    expect(first.me).toMatchObject({ sub: erin.sub, profile: null });
    const page = first.notes as { notes: { id: string }[]; next?: string };
    const list = bodyOf(
      await handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token, query: { limit: "2" } })),
    );
    expect(page).toEqual(list);
    const rest = bodyOf(
      await handlers.listNotes(
        httpEvent({ method: "GET", path: "/notes", token, query: { limit: "2", cursor: String(page.next) } }),
      ),
    );
    expect((rest.notes as unknown[]).length).toBe(1);
    const all = bodyOf(await dashboard(token, { limit: "3" })).notes as { next?: string };
    expect(all.next).toBeUndefined();
  });

  it("shows only the caller's own partition", async () => {
    const frank = { sub: "66666666-6666-4666-8666-666666666666", username: "frank" };

    const res = bodyOf(await dashboard(pool.accessToken(frank, rw)));

    expect(res.notes).toEqual({ notes: [] });
    expect(res.me).toMatchObject({ sub: frank.sub, profile: null });
  });

  it.each([
    ["without a token", undefined, 401],
    ["with a token without api/read", { scope: "aws.cognito.signin.user.admin" }, 403],
  ])("refuses a caller %s", async (_name, claims, status) => {
    const res = await handlers.getDashboard(
      httpEvent({
        method: "GET",
        path: "/dashboard",
        ...(claims ? { token: pool.accessToken(dave, claims) } : {}),
      }),
    );
    expect(res.statusCode).toBe(status);
  });

  it("refuses a client_credentials token with 403 and a bad limit with 400", async () => {
    const machine = await handlers.getDashboard(
      httpEvent({ method: "GET", path: "/dashboard", token: pool.clientCredentialsToken(["api/read"]) }),
    );
    expect(machine.statusCode).toBe(403);
    const bad = await dashboard(pool.accessToken(dave, rw), { limit: "0" });
    expect(bad.statusCode).toBe(400);
  });
});

describe("DELETE /me", () => {
  const erin = { sub: "55555555-5555-4555-8555-555555555555", username: "erin", groups: ["users"] };
  const deleteMe = (token: string) => handlers.deleteMe(httpEvent({ method: "DELETE", path: "/me", token }));

  it("erases the caller's profile and every note (more than one batch), and nobody else's", async () => {
    const token = pool.accessToken(erin, rw);
    await new ProfilesRepository(appTableClient(), TABLE).createIfAbsent({
      sub: erin.sub,
      username: "erin",
      plan: "free",
      createdAt: "2026-11-29T00:00:00.000Z",
    });
    const notes = new NotesRepository(appTableClient(), TABLE);
    for (let i = 0; i < 30; i++) await notes.create(erin.sub, { title: `note ${i}`, body: "" });
    const bobsNote = await notes.create(bob.sub, { title: "bob keeps this", body: "" });

    const res = await deleteMe(token);
    expect(res.statusCode).toBe(204);

    const me = await handlers.getMe(httpEvent({ method: "GET", path: "/me", token }));
    expect(bodyOf(me).profile).toBeNull();
    expect((await notes.list(erin.sub, { limit: 100 })).notes).toEqual([]);
    expect(await notes.get(bob.sub, bobsNote.id)).toMatchObject({ title: "bob keeps this" });
    // Repeating it (a retry after a failure half-way) finishes with the same answer.
    expect((await deleteMe(token)).statusCode).toBe(204);
  });

  it("refuses a token without api/write, and keeps the data", async () => {
    const notes = new NotesRepository(appTableClient(), TABLE);
    const kept = await notes.create(erin.sub, { title: "still here", body: "" });
    const res = await deleteMe(pool.accessToken(erin, { scope: "api/read" }));
    expect(res.statusCode).toBe(403);
    expect(await notes.get(erin.sub, kept.id)).toMatchObject({ title: "still here" });
  });

  it("refuses a client_credentials token", async () => {
    const res = await deleteMe(pool.clientCredentialsToken(["api/write"]));
    expect(res.statusCode).toBe(403);
  });
});

describe("GET /service/health", () => {
  it("answers a client_credentials token with the table's status", async () => {
    const res = await handlers.health(
      httpEvent({ method: "GET", path: "/service/health", token: pool.clientCredentialsToken(["api/read"]) }),
    );
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toMatchObject({ status: "ok", client: pool.clientId, checks: { table: "ok" } });
  });

  it("refuses a user's token with 403", async () => {
    const res = await handlers.health(
      httpEvent({ method: "GET", path: "/service/health", token: pool.accessToken(alice, rw) }),
    );
    expect(res.statusCode).toBe(403);
  });
});
