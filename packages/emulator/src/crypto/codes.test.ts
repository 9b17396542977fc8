import { describe, expect, it } from "vitest";
import {
  createRefreshToken,
  generateClientId,
  generateClientSecret,
  generateConfirmationCode,
  generateTemporaryPassword,
  generateUserPoolId,
  generateUuid,
  randomString,
  refreshTokenHandle,
} from "./codes";

const many = <T>(make: () => T, count = 200): T[] => Array.from({ length: count }, make);

describe("generateConfirmationCode", () => {
  it("returns 6 digits, leading zeros kept, and varies", () => {
    const codes = many(generateConfirmationCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});

describe("identifiers", () => {
  it("generateClientSecret returns 51 lowercase base36 characters (Cognito allows 24-64)", () => {
    expect(generateClientSecret()).toMatch(/^[a-z0-9]{51}$/);
  });

  it("generateClientId returns 26 lowercase alphanumerics (matches Cognito's [\\w+]+)", () => {
    expect(generateClientId()).toMatch(/^[a-z0-9]{26}$/);
  });

  it("generateUserPoolId returns an id aws-jwt-verify accepts", () => {
    expect(generateUserPoolId("us-east-1")).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    expect(generateUserPoolId("us-gov-west-1")).toMatch(/^[a-z]{2}-(gov-)?[a-z]+-\d_[a-zA-Z0-9]+$/);
    expect(() => generateUserPoolId("local")).toThrow(TypeError);
  });

  it("generateUuid returns a v4 UUID", () => {
    expect(generateUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("randomString uses only the given alphabet and covers all of it", () => {
    const text = randomString("ab", 400);
    expect(text).toMatch(/^[ab]{400}$/);
    expect(text).toContain("a");
    expect(text).toContain("b");
  });
});

describe("refresh tokens", () => {
  it("have Cognito's 5-part JWE shape and header", () => {
    const { token } = createRefreshToken();
    const parts = token.split(".");
    expect(parts).toHaveLength(5);
    expect(token.startsWith("eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.")).toBe(true);
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("carry a random handle that refreshTokenHandle gets back", () => {
    const first = createRefreshToken();
    const second = createRefreshToken();
    expect(refreshTokenHandle(first.token)).toBe(first.handle);
    expect(first.handle).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.handle).not.toBe(first.handle);
  });

  it("refreshTokenHandle refuses other shapes", () => {
    const { token } = createRefreshToken();
    expect(refreshTokenHandle("")).toBeUndefined();
    expect(refreshTokenHandle(token.split(".").slice(0, 4).join("."))).toBeUndefined();
    expect(refreshTokenHandle(`x${token}`)).toBeUndefined();
    const parts = token.split(".");
    parts[3] = "short";
    expect(refreshTokenHandle(parts.join("."))).toBeUndefined();
  });
});

describe("generateTemporaryPassword", () => {
  it("contains an upper, lower, digit and symbol and honours the minimum length", () => {
    for (const password of many(() => generateTemporaryPassword(12), 50)) {
      expect(password).toHaveLength(12);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
    expect(generateTemporaryPassword(4)).toHaveLength(8);
  });
});
