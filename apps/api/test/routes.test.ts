import { describe, expect, it } from "vitest";
import { NotesRepository } from "../src/data/notes";
import { ProfilesRepository } from "../src/data/profiles";
import { bodyOf, httpEvent } from "./support/events";

import { alice, bob, routeHarness, rw, TABLE } from "./support/route-harness";

const h = routeHarness();

describe("GET /me", () => {
  it("returns the caller's claims and a null profile before confirmation", async () => {
    const res = await h.handlers.getMe(
      httpEvent({ method: "GET", path: "/me", token: h.pool.accessToken(alice, rw) }),
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
    const res = await h.handlers.getMe(httpEvent({ method: "GET", path: "/me" }));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.["www-authenticate"]).toBe('Bearer realm="api"');
  });

  it("answers 401 invalid_token for an ID token", async () => {
    const res = await h.handlers.getMe(
      httpEvent({ method: "GET", path: "/me", token: h.pool.idToken(alice) }),
    );
    expect(res.statusCode).toBe(401);
    expect(res.headers?.["www-authenticate"]).toContain('error="invalid_token"');
    expect(bodyOf(res)).toEqual({ error: "invalid_token", message: "Expected access token" });
  });

  it("answers 403 insufficient_scope without api/read", async () => {
    const res = await h.handlers.getMe(
      httpEvent({
        method: "GET",
        path: "/me",
        token: h.pool.accessToken(alice, { scope: "aws.cognito.signin.user.admin" }),
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers?.["www-authenticate"]).toContain(
      'error="insufficient_scope", error_description="Requires scope api/read", scope="api/read"',
    );
  });

  it("answers 403 to a client_credentials token on a user route", async () => {
    const res = await h.handlers.getMe(
      httpEvent({ method: "GET", path: "/me", token: h.pool.clientCredentialsToken(["api/read"]) }),
    );
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res)).toMatchObject({ error: "forbidden" });
  });
});

describe("GET /dashboard", () => {
  const dave = { sub: "44444444-4444-4444-8444-444444444444", username: "dave", groups: ["users"] };
  const dashboard = (token: string, query?: Record<string, string>) =>
    h.handlers.getDashboard(
      httpEvent({ method: "GET", path: "/dashboard", token, ...(query ? { query } : {}) }),
    );

  it("answers what GET /me and GET /notes answer, with the profile and notes read in one query", async () => {
    const token = h.pool.accessToken(dave, rw);
    const profiles = new ProfilesRepository(h.appTableClient(), TABLE);
    await profiles.createIfAbsent({
      sub: dave.sub,
      username: "dave",
      email: "dave@example.com",
      plan: "free",
      createdAt: "2026-11-28T00:00:00.000Z",
    });
    for (const title of ["one", "two", "three"]) {
      await h.handlers.createNote(httpEvent({ method: "POST", path: "/notes", token, body: { title } }));
    }

    const res = await dashboard(token, { limit: "50" });

    expect(res.statusCode).toBe(200);
    expect(res.headers?.["cache-control"]).toBe("no-store");
    const me = bodyOf(await h.handlers.getMe(httpEvent({ method: "GET", path: "/me", token })));
    const notes = bodyOf(
      await h.handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token, query: { limit: "50" } })),
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
    const token = h.pool.accessToken(erin, rw);
    for (const title of ["one", "two", "three"]) {
      await h.handlers.createNote(httpEvent({ method: "POST", path: "/notes", token, body: { title } }));
    }

    const first = bodyOf(await dashboard(token, { limit: "2" }));

    expect(first.me).toMatchObject({ sub: erin.sub, profile: null });
    const page = first.notes as { notes: { id: string }[]; next?: string };
    const list = bodyOf(
      await h.handlers.listNotes(httpEvent({ method: "GET", path: "/notes", token, query: { limit: "2" } })),
    );
    expect(page).toEqual(list);
    const rest = bodyOf(
      await h.handlers.listNotes(
        httpEvent({ method: "GET", path: "/notes", token, query: { limit: "2", cursor: String(page.next) } }),
      ),
    );
    expect((rest.notes as unknown[]).length).toBe(1);
    const all = bodyOf(await dashboard(token, { limit: "3" })).notes as { next?: string };
    expect(all.next).toBeUndefined();
  });

  it("shows only the caller's own partition", async () => {
    const frank = { sub: "66666666-6666-4666-8666-666666666666", username: "frank" };

    const res = bodyOf(await dashboard(h.pool.accessToken(frank, rw)));

    expect(res.notes).toEqual({ notes: [] });
    expect(res.me).toMatchObject({ sub: frank.sub, profile: null });
  });

  it.each([
    ["without a token", undefined, 401],
    ["with a token without api/read", { scope: "aws.cognito.signin.user.admin" }, 403],
  ])("refuses a caller %s", async (_name, claims, status) => {
    const res = await h.handlers.getDashboard(
      httpEvent({
        method: "GET",
        path: "/dashboard",
        ...(claims ? { token: h.pool.accessToken(dave, claims) } : {}),
      }),
    );
    expect(res.statusCode).toBe(status);
  });

  it("refuses a client_credentials token with 403 and a bad limit with 400", async () => {
    const machine = await h.handlers.getDashboard(
      httpEvent({ method: "GET", path: "/dashboard", token: h.pool.clientCredentialsToken(["api/read"]) }),
    );
    expect(machine.statusCode).toBe(403);
    const bad = await dashboard(h.pool.accessToken(dave, rw), { limit: "0" });
    expect(bad.statusCode).toBe(400);
  });
});

describe("DELETE /me", () => {
  const erin = { sub: "55555555-5555-4555-8555-555555555555", username: "erin", groups: ["users"] };
  const deleteMe = (token: string) =>
    h.handlers.deleteMe(httpEvent({ method: "DELETE", path: "/me", token }));

  it("erases the caller's profile and every note (more than one batch), and nobody else's", async () => {
    const token = h.pool.accessToken(erin, rw);
    await new ProfilesRepository(h.appTableClient(), TABLE).createIfAbsent({
      sub: erin.sub,
      username: "erin",
      plan: "free",
      createdAt: "2026-11-29T00:00:00.000Z",
    });
    const notes = new NotesRepository(h.appTableClient(), TABLE);
    for (let i = 0; i < 30; i++) await notes.create(erin.sub, { title: `note ${i}`, body: "" });
    const bobsNote = await notes.create(bob.sub, { title: "bob keeps this", body: "" });

    const res = await deleteMe(token);
    expect(res.statusCode).toBe(204);

    const me = await h.handlers.getMe(httpEvent({ method: "GET", path: "/me", token }));
    expect(bodyOf(me).profile).toBeNull();
    expect((await notes.list(erin.sub, { limit: 100 })).notes).toEqual([]);
    expect(await notes.get(bob.sub, bobsNote.id)).toMatchObject({ title: "bob keeps this" });
    // Repeating it (a retry after a failure half-way) finishes with the same answer.
    expect((await deleteMe(token)).statusCode).toBe(204);
  });

  it("refuses a token without api/write, and keeps the data", async () => {
    const notes = new NotesRepository(h.appTableClient(), TABLE);
    const kept = await notes.create(erin.sub, { title: "still here", body: "" });
    const res = await deleteMe(h.pool.accessToken(erin, { scope: "api/read" }));
    expect(res.statusCode).toBe(403);
    expect(await notes.get(erin.sub, kept.id)).toMatchObject({ title: "still here" });
  });

  it("refuses a client_credentials token", async () => {
    const res = await deleteMe(h.pool.clientCredentialsToken(["api/write"]));
    expect(res.statusCode).toBe(403);
  });
});

describe("GET /service/health", () => {
  it("answers a client_credentials token with the table's status", async () => {
    const res = await h.handlers.health(
      httpEvent({
        method: "GET",
        path: "/service/health",
        token: h.pool.clientCredentialsToken(["api/read"]),
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toMatchObject({ status: "ok", client: h.pool.clientId, checks: { table: "ok" } });
  });

  it("refuses a user's token with 403", async () => {
    const res = await h.handlers.health(
      httpEvent({ method: "GET", path: "/service/health", token: h.pool.accessToken(alice, rw) }),
    );
    expect(res.statusCode).toBe(403);
  });
});
