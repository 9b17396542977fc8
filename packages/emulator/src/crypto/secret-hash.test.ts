import { describe, expect, it } from "vitest";
import { secretHash, secretHashMatches } from "./secret-hash";

// Computed independently with `openssl dgst -sha256 -hmac <secret> -binary | base64` and Python's hmac.
const username = "alice@example.com";
const clientId = "5kt3ml2example7client9id";
const clientSecret = "1k3s9example0client0secret0value0abcdefghijklmnop";
const expected = "MYC+YDLlAturzG9rjAFB7ni83Pfi1lHSH38gDccvgyw=";

describe("secretHash", () => {
  it("is Base64(HMAC-SHA256(clientSecret, username + clientId))", () => {
    expect(secretHash(username, clientId, clientSecret)).toBe(expected);
  });
});

describe("secretHashMatches", () => {
  it("accepts the right hash", () => {
    expect(secretHashMatches(expected, username, clientId, clientSecret)).toBe(true);
  });

  it("refuses a hash for another user, client or secret, and malformed input", () => {
    expect(secretHashMatches(expected, "bob@example.com", clientId, clientSecret)).toBe(false);
    expect(secretHashMatches(expected, username, "otherclient", clientSecret)).toBe(false);
    expect(secretHashMatches(expected, username, clientId, `${clientSecret}x`)).toBe(false);
    expect(secretHashMatches("", username, clientId, clientSecret)).toBe(false);
    expect(secretHashMatches(expected.slice(0, -1), username, clientId, clientSecret)).toBe(false);
  });
});
