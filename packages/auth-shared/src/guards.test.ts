import { describe, expect, it } from "vitest";
import type { AccessTokenClaims } from "./claims";
import { InsufficientScopeError, MissingGroupError } from "./errors";
import { requireGroups, requireScopes } from "./guards";

const claims = (scope: string, groups?: string[]): AccessTokenClaims =>
  ({
    sub: "s",
    iss: "i",
    exp: 0,
    iat: 0,
    auth_time: 0,
    jti: "j",
    token_use: "access",
    client_id: "c",
    scope,
    ...(groups ? { "cognito:groups": groups } : {}),
  }) as AccessTokenClaims;

describe("requireScopes", () => {
  it("passes when every scope is held (all)", () => {
    expect(() => requireScopes(claims("api/read api/write"), ["api/read", "api/write"])).not.toThrow();
  });
  it("names the missing scopes when one is absent (all)", () => {
    expect(() => requireScopes(claims("api/read"), ["api/read", "api/write"])).toThrow(
      new InsufficientScopeError(["api/write"], "Requires scope api/write"),
    );
  });
  it("passes with one of the scopes (any)", () => {
    expect(() => requireScopes(claims("api/write"), ["api/read", "api/write"], "any")).not.toThrow();
  });
  it("throws when none is held (any)", () => {
    expect(() => requireScopes(claims("openid"), ["api/read", "api/write"], "any")).toThrow(
      /api\/read or api\/write/,
    );
  });
  it("does not match scope prefixes", () => {
    expect(() => requireScopes(claims("api/readonly"), ["api/read"])).toThrow(InsufficientScopeError);
  });
});

describe("requireGroups", () => {
  it("passes for a member of one of the groups", () => {
    expect(() => requireGroups(claims("", ["users", "admins"]), ["admins"])).not.toThrow();
  });
  it("throws MissingGroupError for a user in no group", () => {
    expect(() => requireGroups(claims(""), ["admins"])).toThrow(MissingGroupError);
  });
});
