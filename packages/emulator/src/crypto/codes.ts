/**
 * Random identifiers and one-time values in the shapes Cognito uses, so that clients' own
 * validation (regexes, lengths) and people reading logs see familiar values.
 *
 * Every value comes from `node:crypto` (unbiased `randomInt`), never `Math.random`.
 *
 * @module
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` characters drawn uniformly from `alphabet`. */
export function randomString(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A 6-digit code (sign-up, forgot password, attribute verification, SMS MFA); may start with 0. */
export function generateConfirmationCode(): string {
  return String(randomInt(1_000_000)).padStart(6, "0");
}

/** An app client secret: 51 lowercase base36 characters, like Cognito's (API limit is 24–64). */
export function generateClientSecret(): string {
  return randomString(LOWER_ALNUM, 51);
}

/** An app client id: 26 lowercase alphanumerics, like Cognito's. */
export function generateClientId(): string {
  return randomString(LOWER_ALNUM, 26);
}

/**
 * A user pool id `<region>_<9 alphanumerics>`; aws-jwt-verify only accepts ids of this form
 * (`/^[a-z]{2}-(gov-)?[a-z]+-\d_[a-zA-Z0-9]+$/`).
 *
 * @throws TypeError when `region` is not an AWS region name.
 */
export function generateUserPoolId(region: string): string {
  if (!/^[a-z]{2}-(gov-)?[a-z]+-\d$/.test(region)) throw new TypeError(`Not an AWS region: ${region}`);
  return `${region}_${randomString(MIXED_ALNUM, 9)}`;
}

/** A random UUID v4 (`sub`, `jti`, `origin_jti`, `event_id`, session ids). */
export function generateUuid(): string {
  return randomUUID();
}

/** Base64url of `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}`, the header of Cognito refresh tokens. */
const REFRESH_TOKEN_HEADER = Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}', "utf8").toString(
  "base64url",
);
const HANDLE = /^[A-Za-z0-9_-]{43}$/;

/**
 * An opaque refresh token in Cognito's wire shape: a compact JWE (`header.key.iv.ciphertext.tag`,
 * RSA-OAEP / A256GCM sizes) that carries nothing but a random 256-bit handle in its "ciphertext"
 * part. The emulator stores the handle (revocable, survives restarts); the token reveals no claims.
 */
export function createRefreshToken(): { token: string; handle: string } {
  // One draw from the CSPRNG for all four parts (each call has a fixed cost of its own).
  const bytes = randomBytes(32 + 256 + 12 + 16);
  const handle = bytes.subarray(0, 32).toString("base64url");
  const encryptedKey = bytes.subarray(32, 288).toString("base64url");
  const iv = bytes.subarray(288, 300).toString("base64url");
  const tag = bytes.subarray(300, 316).toString("base64url");
  return { token: `${REFRESH_TOKEN_HEADER}.${encryptedKey}.${iv}.${handle}.${tag}`, handle };
}

/** The handle inside a refresh token from `createRefreshToken`, or `undefined` if the shape is wrong. */
export function refreshTokenHandle(token: string): string | undefined {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== REFRESH_TOKEN_HEADER) return undefined;
  const handle = parts[3];
  return handle !== undefined && HANDLE.test(handle) ? handle : undefined;
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
/** Cognito's allowed password symbols, minus characters awkward in emails and shells. */
const SYMBOLS = "^$*.[]{}()?!@#%&/,><:;|_~";

/**
 * A temporary password for `AdminCreateUser` without `TemporaryPassword`: satisfies any password
 * policy of at most `minLength` characters (one upper, lower, digit and symbol each).
 */
export function generateTemporaryPassword(minLength = 8): string {
  const length = Math.max(minLength, 8);
  const chars = [
    randomString(UPPER, 1),
    randomString(LOWER, 1),
    randomString(DIGITS, 1),
    randomString(SYMBOLS, 1),
    ...randomString(UPPER + LOWER + DIGITS, length - 4),
  ];
  // Fisher-Yates, so the required classes are not always at the front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join("");
}
