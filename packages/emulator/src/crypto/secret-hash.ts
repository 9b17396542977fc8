/**
 * Cognito's `SECRET_HASH`, required from app clients that have a client secret:
 * `Base64(HMAC-SHA256(key = clientSecret, message = username + clientId))`.
 *
 * @module
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Computes the `SECRET_HASH` a client with this secret sends for `username`. */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac("sha256", clientSecret).update(`${username}${clientId}`, "utf8").digest("base64");
}

/**
 * True when `given` is the `SECRET_HASH` for `username`; compared in constant time so the
 * response time does not leak how much of a guess was right.
 */
export function secretHashMatches(
  given: string,
  username: string,
  clientId: string,
  clientSecret: string,
): boolean {
  const expected = Buffer.from(secretHash(username, clientId, clientSecret), "utf8");
  const actual = Buffer.from(given, "utf8");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
