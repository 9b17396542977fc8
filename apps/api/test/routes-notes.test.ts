import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { startTestPool, type TestPool } from "@repo/auth-shared/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NotesRepository } from "../src/data/notes";
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

describe("notes", () => {
  it("lists newest first, whatever order the IDs' random bits would give", async () => {
    // A user of this test alone.
    const frank = { sub: randomUUID(), username: "frank", groups: ["users"] };
    const repo = new NotesRepository(appTableClient(), TABLE);
    const base = Date.parse("2026-11-01T09:00:00Z");
    const titles = ["first", "second", "third", "fourth", "fifth"];
    for (const [i, title] of titles.entries()) {
      await repo.create(frank.sub, { title, body: "" }, new Date(base + i * 1000));
    }
    const res = await handlers.listNotes(
      httpEvent({ method: "GET", path: "/notes", token: pool.accessToken(frank, rw) }),
    );
    expect((bodyOf(res).notes as { title: string }[]).map((n) => n.title)).toEqual([...titles].reverse());
  });

  it("creates, lists, reads and deletes the caller's own notes", async () => {
    const token = pool.accessToken(alice, rw);
    const created = await handlers.createNote(
      httpEvent({ method: "POST", path: "/notes", token, body: { title: "  Groceries ", body: "milk" } }),
    );
    expect(created.statusCode).toBe(201);
    const note = bodyOf(created) as { id: string; title: string };
    expect(note.title).toBe("Groceries");
    expect(created.headers?.location).toBe(`/notes/${note.id}`);

    const list = await handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token }));
    expect(bodyOf(list).notes).toEqual([
      expect.objectContaining({ id: note.id, title: "Groceries", body: "milk" }),
    ]);

    const one = await handlers.getNote(
      httpEvent({
        method: "GET",
        path: `/notes/${note.id}`,
        routePath: "/notes/{noteId}",
        token,
        pathParameters: { noteId: note.id },
      }),
    );
    expect(one.statusCode).toBe(200);

    const del = await handlers.deleteNote(
      httpEvent({
        method: "DELETE",
        path: `/notes/${note.id}`,
        routePath: "/notes/{noteId}",
        token,
        pathParameters: { noteId: note.id },
      }),
    );
    expect(del.statusCode).toBe(204);
    const again = await handlers.deleteNote(
      httpEvent({
        method: "DELETE",
        path: `/notes/${note.id}`,
        routePath: "/notes/{noteId}",
        token,
        pathParameters: { noteId: note.id },
      }),
    );
    expect(again.statusCode).toBe(404);
  });

  it("answers 404 for another user's note, to read or to delete, and keeps it", async () => {
    const created = await handlers.createNote(
      httpEvent({
        method: "POST",
        path: "/notes",
        token: pool.accessToken(alice, rw),
        body: { title: "private" },
      }),
    );
    const { id } = bodyOf(created) as { id: string };
    const bobToken = pool.accessToken(bob, rw);
    const params = { routePath: "/notes/{noteId}", token: bobToken, pathParameters: { noteId: id } };
    expect(
      (await handlers.getNote(httpEvent({ method: "GET", path: `/notes/${id}`, ...params }))).statusCode,
    ).toBe(404);
    expect(
      (await handlers.deleteNote(httpEvent({ method: "DELETE", path: `/notes/${id}`, ...params })))
        .statusCode,
    ).toBe(404);
    const bobList = await handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token: bobToken }));
    expect(bodyOf(bobList).notes).toEqual([]);
    const aliceRead = await handlers.getNote(
      httpEvent({ method: "GET", path: `/notes/${id}`, ...params, token: pool.accessToken(alice, rw) }),
    );
    expect(aliceRead.statusCode).toBe(200);
  });

  it("paginates newest first with a cursor that stays in the caller's partition", async () => {
    const carol = { sub: "33333333-3333-4333-8333-333333333333", username: "carol" };
    const token = pool.accessToken(carol, rw);
    for (const title of ["one", "two", "three"]) {
      await handlers.createNote(httpEvent({ method: "POST", path: "/notes", token, body: { title } }));
    }
    const first = bodyOf(
      await handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token, query: { limit: "2" } })),
    );
    expect((first.notes as unknown[]).length).toBe(2);
    expect(first.next).toEqual(expect.any(String));
    const second = bodyOf(
      await handlers.listNotes(
        httpEvent({
          method: "GET",
          path: "/notes",
          token,
          query: { limit: "2", cursor: String(first.next) },
        }),
      ),
    );
    expect((second.notes as unknown[]).length).toBe(1);
    const bad = await handlers.listNotes(
      httpEvent({ method: "GET", path: "/notes", token, query: { cursor: "not-a-cursor" } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bodyOf(bad)).toEqual({ error: "bad_request", message: "Invalid cursor" });
  });

  it.each([
    ["a body that is not JSON", { rawBody: "{nope" }, 400, "Body is not valid JSON"],
    ["a missing title", { body: { body: "x" } }, 400, "Invalid body"],
    ["a title too long", { body: { title: "x".repeat(201) } }, 400, "Invalid body"],
    [
      "a non-JSON content type",
      { rawBody: "title=x", headers: { "content-type": "text/plain" } },
      415,
      "Content-Type must be application/json",
    ],
    [
      "a body over 64 KiB",
      { body: { title: "big", body: "x".repeat(70_000) } },
      413,
      "Body exceeds 65536 bytes",
    ],
  ])("refuses %s with a clear 4xx", async (_name, input, status, message) => {
    const res = await handlers.createNote(
      httpEvent({ method: "POST", path: "/notes", token: pool.accessToken(alice, rw), ...input }),
    );
    expect(res.statusCode).toBe(status);
    expect(bodyOf(res).message).toBe(message);
  });

  it("refuses a note ID that is not a UUID with 400", async () => {
    const res = await handlers.getNote(
      httpEvent({
        method: "GET",
        path: "/notes/x",
        routePath: "/notes/{noteId}",
        token: pool.accessToken(alice, rw),
        pathParameters: { noteId: "x" },
      }),
    );
    expect(res.statusCode).toBe(400);
  });

  it("refuses POST /notes without api/write", async () => {
    const res = await handlers.createNote(
      httpEvent({
        method: "POST",
        path: "/notes",
        token: pool.accessToken(alice, { scope: "api/read" }),
        body: { title: "x" },
      }),
    );
    expect(res.statusCode).toBe(403);
  });
});
