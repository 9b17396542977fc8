import { ContractError } from "@repo/api-contract";
import { describe, expect, it } from "vitest";
import { toHttpResponse } from "./errors";
import { respond } from "./response";

const note = {
  id: "0190a0c2-7b3e-7cc1-9a40-3b1d3c2f4a10",
  title: "Milk",
  body: "",
  createdAt: "2026-12-01T10:00:00.000Z",
};

describe("respond", () => {
  it("sends the body as the contract parses it, dropping keys it does not name", () => {
    const res = respond("get-note", 200, { ...note, pk: "USER#x" } as typeof note, { etag: "1" });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(String(res.body))).toEqual(note);
    expect(res.headers).toMatchObject({ "content-type": "application/json; charset=utf-8", etag: "1" });
  });

  it("answers a 204 without a body", () => {
    const res = respond("delete-me", 204, undefined);
    expect(res).toEqual({ statusCode: 204, headers: { "cache-control": "no-store" } });
  });

  it("throws for a body off the contract, which the route turns into a 500 that reveals nothing", () => {
    const offContract = () => respond("get-note", 200, { ...note, createdAt: "yesterday" });
    expect(offContract).toThrow(ContractError);
    const thrown = (() => {
      try {
        return offContract();
      } catch (err) {
        return err;
      }
    })();
    const res = toHttpResponse(thrown, "req-1");
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(String(res.body))).toEqual({
      error: "internal_error",
      message: "Internal server error",
      requestId: "req-1",
    });
  });
});
