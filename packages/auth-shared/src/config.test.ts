import { describe, expect, it } from "vitest";
import { ConfigError, issuerOf, loadAuthConfig } from "./config";

describe("loadAuthConfig", () => {
  it("reads the pool, comma-separated clients and the JWKS override", () => {
    const config = loadAuthConfig({
      COGNITO_USER_POOL_ID: "eu-west-1_AbC123",
      COGNITO_CLIENT_IDS: "web, mobile ,server",
      COGNITO_JWKS_URL: "http://127.0.0.1:9229/eu-west-1_AbC123/.well-known/jwks.json",
    });
    expect(config).toEqual({
      userPoolId: "eu-west-1_AbC123",
      clientIds: ["web", "mobile", "server"],
      jwksUrl: "http://127.0.0.1:9229/eu-west-1_AbC123/.well-known/jwks.json",
      graceSeconds: 0,
      jwksTimeoutMs: 3000,
    });
  });
  it("throws ConfigError naming the missing variable", () => {
    expect(() => loadAuthConfig({ COGNITO_CLIENT_IDS: "web" })).toThrow(ConfigError);
    expect(() => loadAuthConfig({ COGNITO_CLIENT_IDS: "web" })).toThrow(/COGNITO_USER_POOL_ID/);
  });
  it("refuses a pool ID that is not in AWS's format", () => {
    expect(() => loadAuthConfig({ COGNITO_USER_POOL_ID: "pool", COGNITO_CLIENT_IDS: "web" })).toThrow(
      /us-east-1_AbC123/,
    );
  });
  it("refuses an empty client list", () => {
    expect(() => loadAuthConfig({ COGNITO_USER_POOL_ID: "us-east-1_A", COGNITO_CLIENT_IDS: " , " })).toThrow(
      /client/,
    );
  });
});

describe("issuerOf", () => {
  it("builds Cognito's original issuer", () => {
    expect(issuerOf("ap-southeast-2_XyZ")).toBe(
      "https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_XyZ",
    );
  });
});
