import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, ForbiddenError, ServiceUnavailableError, SessionExpiredError } from "./errors";

/** What the fake API answers next, by request path; every request it saw. */
let answers: Record<string, { status: number; body?: unknown; raw?: string }[]> = {};
const seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string }[] = [];
let server: Server;

const accessTokenFor = vi.fn(async (_userId: string, opts?: { forceRefresh?: boolean }) =>
  opts?.forceRefresh ? "fresh-token" : "stored-token",
);
vi.mock("./token-store", () => ({
  accessTokenFor: (...args: Parameters<typeof accessTokenFor>) => accessTokenFor(...args),
}));

let callApi: typeof import("./api-client").callApi;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const next = answers[req.url ?? ""]?.shift() ?? {
        status: 404,
        body: { error: "not_found", message: "No" },
      };
      res.writeHead(next.status, next.status === 204 ? {} : { "content-type": "application/json" });
      res.end(next.raw ?? (next.body === undefined ? "" : JSON.stringify(next.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("API_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}/_api/test`);
  callApi = (await import("./api-client")).callApi;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  answers = {};
  seen.length = 0;
  accessTokenFor.mockClear();
});

const note = {
  id: "0190a0c2-7b3e-7cc1-9a40-3b1d3c2f4a10",
  title: "Milk",
  body: "",
  createdAt: "2026-12-01T10:00:00.000Z",
};
const me = {
  sub: "s-1",
  username: "ada",
  clientId: "web",
  scopes: ["api/read"],
  groups: [],
  authTime: 1,
  tokenExpiresAt: 2,
  profile: null,
};

describe("callApi", () => {
  it("builds the request from the contract and parses the answer with it", async () => {
    answers["/_api/test/dashboard?limit=50"] = [
      { status: 200, body: { me, notes: { notes: [note] }, extra: 1 } },
    ];

    const dashboard = await callApi("u-1", "get-dashboard", { query: { limit: 50 } });

    expect(dashboard).toEqual({ me, notes: { notes: [note] } });
    expect(seen[0]).toMatchObject({ method: "GET", headers: { authorization: "Bearer stored-token" } });
  });

  it("sends a JSON body as the API parses it, and reads the 201", async () => {
    answers["/_api/test/notes"] = [{ status: 201, body: note }];

    expect(await callApi("u-1", "create-note", { body: { title: "  Milk " } })).toEqual(note);
    expect(seen[0]).toMatchObject({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Milk", body: "" }),
    });
  });

  it("reads a 204 as no body", async () => {
    answers[`/_api/test/notes/${note.id}`] = [{ status: 204 }];

    expect(await callApi("u-1", "delete-note", { params: { noteId: note.id } })).toBeUndefined();
    expect(seen[0]?.method).toBe("DELETE");
  });

  it("turns an answer off the contract into an ApiError naming the field", async () => {
    answers["/_api/test/admin/users"] = [{ status: 200, body: { users: [{ username: "a" }] } }];
    answers["/_api/test/me"] = [{ status: 200, raw: "<html>" }];

    await expect(callApi("u-1", "list-users", {})).rejects.toThrow(/users\.0\.emailVerified/);
    await expect(callApi("u-1", "get-me", {})).rejects.toBeInstanceOf(ApiError);
  });

  it("retries a 401 once with a refreshed token, then ends the session", async () => {
    answers["/_api/test/me"] = [{ status: 401 }, { status: 200, body: me }, { status: 401 }, { status: 401 }];

    expect(await callApi("u-1", "get-me", {})).toEqual(me);
    expect(seen.map((r) => r.headers.authorization)).toEqual(["Bearer stored-token", "Bearer fresh-token"]);
    await expect(callApi("u-1", "get-me", {})).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it("maps refusals to typed errors with the API's message", async () => {
    answers["/_api/test/admin/users"] = [
      { status: 403, body: { error: "forbidden", message: "Requires membership of group admins" } },
      { status: 503, body: { error: "service_unavailable", message: "Try again" } },
    ];
    answers["/_api/test/me"] = [
      { status: 500, body: { error: "internal_error", message: "Internal server error" } },
    ];

    await expect(callApi("u-1", "list-users", {})).rejects.toEqual(
      new ForbiddenError("Requires membership of group admins"),
    );
    await expect(callApi("u-1", "list-users", {})).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(callApi("u-1", "get-me", {})).rejects.toMatchObject({
      status: 500,
      message: "Internal server error",
    });
  });
});
