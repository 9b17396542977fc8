import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RefreshTokenRow, RefreshTokensRepo } from "./refresh-tokens";
import { type TempDb, tempDb } from "./temp-db";

const token = (name: string, sub = "s", poolId = "p"): RefreshTokenRow => ({
  token: name,
  poolId,
  clientId: "c",
  sub,
  originJti: `o-${name}`,
  authTime: 1,
  expiresAt: 99,
  revoked: false,
});

describe("RefreshTokensRepo", () => {
  let t: TempDb;
  let tokens: RefreshTokensRepo;
  beforeEach(() => {
    t = tempDb();
    tokens = new RefreshTokensRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("revokes one token and its origin, leaving the user's other tokens alone", () => {
    tokens.put(token("t1"));
    tokens.put(token("t2"));
    tokens.revoke("t1", "o-t1", 5);
    expect(tokens.get("t1")?.revoked).toBe(true);
    expect(tokens.isOriginRevoked("o-t1")).toBe(true);
    expect(tokens.get("t2")?.revoked).toBe(false);
    expect(tokens.isOriginRevoked("o-t2")).toBe(false);
    // Revoking again is harmless: the origin keeps its first revocation.
    tokens.revoke("t1", "o-t1", 9);
    expect(t.db.sqlite.prepare("SELECT revoked_at FROM revoked_origins").all()).toEqual([{ revoked_at: 5 }]);
  });

  it("answers undefined for a token it never stored", () => {
    expect(tokens.get("nope")).toBeUndefined();
  });

  it("revokes a deleted user's tokens without revoking their origins", () => {
    tokens.put(token("t1"));
    tokens.put(token("t3", "other"));
    tokens.deleteUser("p", "s");
    expect(tokens.get("t1")?.revoked).toBe(true);
    expect(tokens.isOriginRevoked("o-t1")).toBe(false);
    expect(tokens.get("t3")?.revoked).toBe(false);
  });

  it("global sign-out revokes only origins of tokens not yet revoked", () => {
    tokens.put(token("t1"));
    tokens.put({ ...token("t2"), revoked: true });
    tokens.revokeAll("p", "s", 5);
    expect(tokens.isOriginRevoked("o-t1")).toBe(true);
    expect(tokens.isOriginRevoked("o-t2")).toBe(false);
  });

  it("forgets a deleted pool's tokens", () => {
    tokens.put(token("t1"));
    tokens.put(token("t4", "s", "q"));
    tokens.deletePool("p");
    expect(tokens.get("t1")).toBeUndefined();
    expect(tokens.get("t4")?.poolId).toBe("q");
  });
});
