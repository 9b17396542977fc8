import { describe, expect, it } from "vitest";
import { ListUsersQuery } from "./admin-users";
import { DashboardQuery } from "./dashboard";
import { MeResponse } from "./me";
import { CreateNoteRequest, ListNotesQuery, NoteId } from "./notes";

describe("CreateNoteRequest", () => {
  it("trims the title and defaults the body", () => {
    expect(CreateNoteRequest.parse({ title: " Milk " })).toEqual({ title: "Milk", body: "" });
  });

  it.each([
    [{ body: "x" }, "Invalid input: expected string, received undefined"],
    [{ title: "   " }, "Give the note a title"],
    [{ title: "x".repeat(201) }, "The title is too long (200 characters at most)"],
    [{ title: "x", body: "x".repeat(10_001) }, "The note is too long"],
  ])("refuses %j: %s", (input, message) => {
    expect(CreateNoteRequest.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe("query schemas", () => {
  it("read numbers from query-string text, with the API's defaults and bounds", () => {
    expect(ListNotesQuery.parse({})).toEqual({ limit: 25 });
    expect(ListNotesQuery.parse({ limit: "100", cursor: "c" })).toEqual({ limit: 100, cursor: "c" });
    expect(ListNotesQuery.safeParse({ limit: "101" }).success).toBe(false);
    expect(DashboardQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(ListUsersQuery.parse({ limit: "60" })).toEqual({ limit: 60 });
    expect(ListUsersQuery.safeParse({ limit: "61" }).success).toBe(false);
    expect(ListUsersQuery.safeParse({ next: "" }).success).toBe(false);
  });
});

describe("NoteId", () => {
  it("accepts the time-ordered (v7) and older random (v4) IDs, nothing else", () => {
    expect(NoteId.safeParse("0190a0c2-7b3e-7cc1-9a40-3b1d3c2f4a10").success).toBe(true);
    expect(NoteId.safeParse("3f1c0c3e-0000-4000-8000-000000000001").success).toBe(true);
    expect(NoteId.safeParse("x").success).toBe(false);
  });
});

describe("MeResponse", () => {
  const me = {
    sub: "s",
    username: "ada",
    clientId: "c",
    scopes: ["api/read"],
    groups: [],
    authTime: 1,
    tokenExpiresAt: 2,
  };

  it("has a profile, or null before confirmation", () => {
    expect(MeResponse.parse({ ...me, profile: null }).profile).toBeNull();
    expect(
      MeResponse.parse({ ...me, profile: { sub: "s", username: "ada", plan: "free", createdAt: "t" } })
        .profile,
    ).toMatchObject({ plan: "free" });
    expect(MeResponse.safeParse(me).success).toBe(false);
  });
});
