import { describe, expect, expectTypeOf, it } from "vitest";
import type { RequestInput, ResponseBody } from "./endpoints";
import type { Note } from "./notes";
import { buildRequest, ContractError, readErrorBody, readResponse, responseBody, routeKeyOf } from "./wire";

const noteId = "0190a0c2-7b3e-7cc1-9a40-3b1d3c2f4a10";
const note = { id: noteId, title: "Milk", body: "", createdAt: "2026-12-01T10:00:00.000Z" };

describe("buildRequest", () => {
  it("fills in and encodes path parameters after checking them", () => {
    expect(buildRequest("get-note", { params: { noteId } })).toEqual({
      method: "GET",
      path: `/notes/${noteId}`,
    });
    expect(() => buildRequest("delete-note", { params: { noteId: "../me" } })).toThrow(ContractError);
  });

  it("writes the query as text and leaves out absent values", () => {
    expect(buildRequest("get-dashboard", { query: { limit: 50 } }).path).toBe("/dashboard?limit=50");
    expect(buildRequest("list-notes", { query: { limit: 10, cursor: undefined } }).path).toBe(
      "/notes?limit=10",
    );
    expect(buildRequest("list-notes", {}).path).toBe("/notes");
  });

  it("refuses a query the API would refuse", () => {
    expect(() => buildRequest("list-users", { query: { limit: 61 } })).toThrow(/query of GET \/admin\/users/);
  });

  it("sends the body as the API parses it: trimmed, with defaults", () => {
    const req = buildRequest("create-note", { body: { title: "  Milk  " } });
    expect(req).toEqual({
      method: "POST",
      path: "/notes",
      body: JSON.stringify({ title: "Milk", body: "" }),
    });
  });

  it("refuses a body off the contract with the reason people can read", () => {
    expect(() => buildRequest("create-note", { body: { title: " " } })).toThrow(
      expect.objectContaining({
        name: "ContractError",
        issues: [expect.objectContaining({ path: ["title"], message: "Give the note a title" })],
      }),
    );
  });

  it("types each endpoint's input", () => {
    expectTypeOf<RequestInput<"get-note">>().toHaveProperty("params");
    expectTypeOf<RequestInput<"create-note">["body"]>().toEqualTypeOf<{ title: string; body?: string }>();
    expectTypeOf<RequestInput<"get-me">["body"]>().toEqualTypeOf<undefined>();
  });
});

describe("readResponse", () => {
  it("parses a success body with the schema of its status", () => {
    expect(readResponse("create-note", 201, note)).toEqual(note);
    expect(readResponse("delete-me", 204, undefined)).toBeUndefined();
    expectTypeOf<ResponseBody<"create-note">>().toEqualTypeOf<Note>();
  });

  it("drops keys the contract does not name", () => {
    expect(readResponse("get-note", 200, { ...note, pk: "USER#x" })).toEqual(note);
  });

  it("refuses a status the endpoint does not answer on success", () => {
    expect(() => readResponse("create-note", 200, note)).toThrow(
      "POST /notes does not answer HTTP 200 on success",
    );
  });

  it("refuses a body off the schema, naming the field", () => {
    expect(() => readResponse("get-note", 200, { ...note, createdAt: "yesterday" })).toThrow(/createdAt/);
    expect(() => readResponse("delete-note", 204, { deleted: true })).toThrow(ContractError);
  });

  it("reads both bodies of the health check, ok and degraded", () => {
    const degraded = {
      status: "degraded",
      client: "machine",
      checks: { table: "unavailable" },
      latencyMs: 3,
    };
    expect(readResponse("get-service-health", 503, degraded)).toEqual(degraded);
  });
});

describe("responseBody", () => {
  it("returns what the handler answers, parsed", () => {
    expect(responseBody("list-notes", 200, { notes: [note], next: "abc" })).toEqual({
      notes: [note],
      next: "abc",
    });
  });

  it("throws for a handler body off the contract", () => {
    expect(() =>
      responseBody("list-users", 200, {
        users: [{ username: "a", emailVerified: "yes" as unknown as boolean }],
      }),
    ).toThrow(/users\.0\.emailVerified/);
  });
});

describe("readErrorBody", () => {
  it("reads the API's error bodies", () => {
    const body = {
      error: "bad_request",
      message: "Invalid body",
      details: [{ path: "title", message: "x" }],
    };
    expect(readErrorBody(body)).toEqual(body);
    expect(
      readErrorBody({ error: "internal_error", message: "Internal server error", requestId: "r-1" }),
    ).toEqual({
      error: "internal_error",
      message: "Internal server error",
      requestId: "r-1",
    });
  });

  it("is undefined for anything else", () => {
    expect(readErrorBody("<html>")).toBeUndefined();
    expect(readErrorBody({ message: "no error code" })).toBeUndefined();
    expect(readErrorBody(null)).toBeUndefined();
  });
});

describe("routeKeyOf", () => {
  it("is API Gateway's route key", () => {
    expect(routeKeyOf("delete-note")).toBe("DELETE /notes/{noteId}");
  });
});
