import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NotesRepository } from "../src/data/notes";
import { bodyOf, httpEvent } from "./support/events";

import { alice, bob, routeHarness, rw, TABLE } from "./support/route-harness";

const h = routeHarness();

describe("notes", () => {
  it("lists newest first, whatever order the IDs' random bits would give", async () => {
    // A user of this test alone.
    const frank = { sub: randomUUID(), username: "frank", groups: ["users"] };
    const repo = new NotesRepository(h.appTableClient(), TABLE);
    const base = Date.parse("2026-11-01T09:00:00Z");
    const titles = ["first", "second", "third", "fourth", "fifth"];
    for (const [i, title] of titles.entries()) {
      await repo.create(frank.sub, { title, body: "" }, new Date(base + i * 1000));
    }
    const res = await h.handlers.listNotes(
      httpEvent({ method: "GET", path: "/notes", token: h.pool.accessToken(frank, rw) }),
    );
    expect((bodyOf(res).notes as { title: string }[]).map((n) => n.title)).toEqual([...titles].reverse());
  });

  it("creates, lists, reads and deletes the caller's own notes", async () => {
    const token = h.pool.accessToken(alice, rw);
    const created = await h.handlers.createNote(
      httpEvent({ method: "POST", path: "/notes", token, body: { title: "  Groceries ", body: "milk" } }),
    );
    expect(created.statusCode).toBe(201);
    const note = bodyOf(created) as { id: string; title: string };
    expect(note.title).toBe("Groceries");
    expect(created.headers?.location).toBe(`/notes/${note.id}`);

    const list = await h.handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token }));
    expect(bodyOf(list).notes).toEqual([
      expect.objectContaining({ id: note.id, title: "Groceries", body: "milk" }),
    ]);

    const one = await h.handlers.getNote(
      httpEvent({
        method: "GET",
        path: `/notes/${note.id}`,
        routePath: "/notes/{noteId}",
        token,
        pathParameters: { noteId: note.id },
      }),
    );
    expect(one.statusCode).toBe(200);

    const del = await h.handlers.deleteNote(
      httpEvent({
        method: "DELETE",
        path: `/notes/${note.id}`,
        routePath: "/notes/{noteId}",
        token,
        pathParameters: { noteId: note.id },
      }),
    );
    expect(del.statusCode).toBe(204);
    const again = await h.handlers.deleteNote(
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
    const created = await h.handlers.createNote(
      httpEvent({
        method: "POST",
        path: "/notes",
        token: h.pool.accessToken(alice, rw),
        body: { title: "private" },
      }),
    );
    const { id } = bodyOf(created) as { id: string };
    const bobToken = h.pool.accessToken(bob, rw);
    const params = { routePath: "/notes/{noteId}", token: bobToken, pathParameters: { noteId: id } };
    expect(
      (await h.handlers.getNote(httpEvent({ method: "GET", path: `/notes/${id}`, ...params }))).statusCode,
    ).toBe(404);
    expect(
      (await h.handlers.deleteNote(httpEvent({ method: "DELETE", path: `/notes/${id}`, ...params })))
        .statusCode,
    ).toBe(404);
    const bobList = await h.handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token: bobToken }));
    expect(bodyOf(bobList).notes).toEqual([]);
    const aliceRead = await h.handlers.getNote(
      httpEvent({ method: "GET", path: `/notes/${id}`, ...params, token: h.pool.accessToken(alice, rw) }),
    );
    expect(aliceRead.statusCode).toBe(200);
  });

  it("paginates newest first with a cursor that stays in the caller's partition", async () => {
    const carol = { sub: "33333333-3333-4333-8333-333333333333", username: "carol" };
    const token = h.pool.accessToken(carol, rw);
    for (const title of ["one", "two", "three"]) {
      await h.handlers.createNote(httpEvent({ method: "POST", path: "/notes", token, body: { title } }));
    }
    const first = bodyOf(
      await h.handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token, query: { limit: "2" } })),
    );
    expect((first.notes as unknown[]).length).toBe(2);
    expect(first.next).toEqual(expect.any(String));
    const second = bodyOf(
      await h.handlers.listNotes(
        httpEvent({
          method: "GET",
          path: "/notes",
          token,
          query: { limit: "2", cursor: String(first.next) },
        }),
      ),
    );
    expect((second.notes as unknown[]).length).toBe(1);
    const bad = await h.handlers.listNotes(
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
    const res = await h.handlers.createNote(
      httpEvent({ method: "POST", path: "/notes", token: h.pool.accessToken(alice, rw), ...input }),
    );
    expect(res.statusCode).toBe(status);
    expect(bodyOf(res).message).toBe(message);
  });

  it("refuses a note ID that is not a UUID with 400", async () => {
    const res = await h.handlers.getNote(
      httpEvent({
        method: "GET",
        path: "/notes/x",
        routePath: "/notes/{noteId}",
        token: h.pool.accessToken(alice, rw),
        pathParameters: { noteId: "x" },
      }),
    );
    expect(res.statusCode).toBe(400);
  });

  it("refuses POST /notes without api/write", async () => {
    const res = await h.handlers.createNote(
      httpEvent({
        method: "POST",
        path: "/notes",
        token: h.pool.accessToken(alice, { scope: "api/read" }),
        body: { title: "x" },
      }),
    );
    expect(res.statusCode).toBe(403);
  });
});
