import { describe, expect, it } from "vitest";
import {
  authTimeOf,
  isRecentAuthentication,
  reauthenticatePath,
  STEP_UP_MAX_AGE_SECONDS,
  safeReturnPath,
} from "./step-up";

const now = 1_800_000_000;

describe("isRecentAuthentication", () => {
  it("accepts a sign-in within the last five minutes", () => {
    expect(STEP_UP_MAX_AGE_SECONDS).toBe(300);
    expect(isRecentAuthentication(now, now)).toBe(true);
    expect(isRecentAuthentication(now - 300, now)).toBe(true);
  });

  it("refuses a sign-in older than five minutes", () => {
    expect(isRecentAuthentication(now - 301, now)).toBe(false);
    expect(isRecentAuthentication(now - 86_400, now)).toBe(false);
  });

  it("refuses a missing auth_time", () => {
    expect(isRecentAuthentication(undefined, now)).toBe(false);
  });

  it("tolerates a minute of clock skew but not a time far in the future", () => {
    expect(isRecentAuthentication(now + 30, now)).toBe(true);
    expect(isRecentAuthentication(now + 3600, now)).toBe(false);
  });
});

describe("authTimeOf", () => {
  it("reads auth_time from ID token claims", () => {
    expect(authTimeOf({ sub: "u", auth_time: now })).toBe(now);
  });

  it("ignores a missing or malformed auth_time", () => {
    expect(authTimeOf({})).toBeUndefined();
    expect(authTimeOf({ auth_time: "1800000000" })).toBeUndefined();
    expect(authTimeOf({ auth_time: -1 })).toBeUndefined();
  });
});

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/account/security?x=1")).toBe("/account/security?x=1");
  });

  it("refuses other origins and protocol-relative URLs", () => {
    expect(safeReturnPath("https://evil.example/")).toBe("/account");
    expect(safeReturnPath("//evil.example/")).toBe("/account");
    expect(safeReturnPath("/\\evil.example/")).toBe("/account");
    expect(safeReturnPath(undefined)).toBe("/account");
  });
});

describe("reauthenticatePath", () => {
  it("names the page to come back to", () => {
    expect(reauthenticatePath("/account/security")).toBe(
      "/account/reauthenticate?callbackUrl=%2Faccount%2Fsecurity",
    );
  });
});
