/**
 * RFC 6238 TOTP as Cognito's software-token MFA uses it: HMAC-SHA1, 6 digits, 30-second steps,
 * secrets shared as 32-character base32 (`AssociateSoftwareToken`'s `SecretCode`), so any
 * authenticator app (or otplib in tests) produces codes the emulator accepts.
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Seconds per TOTP time step. */
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
/** 20 random bytes are exactly 32 base32 characters, the length of Cognito's `SecretCode`. */
const SECRET_BYTES = 20;
const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CODE = /^\d{6}$/;

/** RFC 4648 base32 without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * RFC 4648 base32 to bytes; case-insensitive, `=` padding optional.
 *
 * @throws TypeError on a character outside the alphabet (secrets come from the store, so this is a bug).
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new TypeError("TOTP secret is not base32");
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new shared secret for `AssociateSoftwareToken`: 160 random bits as 32 base32 characters. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** The time step (counter) `now` falls in. */
export function totpStep(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 4226 HOTP value for one counter, as a zero-padded 6-digit string. */
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

/** The code an authenticator shows at `now` (tests and the outbox demo use it; verification does not). */
export function generateTotp(secretBase32: string, now: Date = new Date()): string {
  return hotp(base32Decode(secretBase32), totpStep(now));
}

/**
 * Checks a 6-digit code against the steps `now ± window`. Returns the matched step, so the caller
 * can store it and refuse the same (or an older) step next time, as Cognito refuses a reused
 * code; `undefined` when no step matches.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  now: Date = new Date(),
  window = 1,
): number | undefined {
  if (!CODE.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const current = totpStep(now);
  const given = Buffer.from(code, "ascii");
  let matched: number | undefined;
  // Every candidate is computed and compared, so timing does not tell which step matched.
  for (let step = Math.max(0, current - window); step <= current + window; step++) {
    const expected = Buffer.from(hotp(key, step), "ascii");
    if (timingSafeEqual(expected, given) && matched === undefined) matched = step;
  }
  return matched;
}

/**
 * The `otpauth://` URI apps scan as a QR code (Key Uri Format): label `issuer:account`, and the
 * parameters spelled out even where they are the defaults, as some apps ignore missing ones.
 */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  // encodeURIComponent, not URLSearchParams: some apps show a `+` for a space literally.
  const params = [
    `secret=${encodeURIComponent(secretBase32)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    "algorithm=SHA1",
    `digits=${DIGITS}`,
    `period=${TOTP_STEP_SECONDS}`,
  ];
  return `otpauth://totp/${label}?${params.join("&")}`;
}
