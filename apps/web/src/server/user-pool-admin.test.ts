import { describe, expect, it } from "vitest";
import { userPoolIdOf } from "./user-pool-admin";

describe("userPoolIdOf", () => {
  it("is the last segment of the pool's issuer", () => {
    expect(userPoolIdOf("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123")).toBe(
      "eu-west-1_AbC123",
    );
    expect(userPoolIdOf("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/")).toBe(
      "eu-west-1_AbC123",
    );
  });

  it("refuses an issuer that names no pool", () => {
    expect(() => userPoolIdOf("https://example.com/")).toThrow(TypeError);
  });
});
