import { randomBytes, randomInt, randomUUID } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomFrom(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `us-east-1_AbC123xYz`: region, underscore, 9 letters and digits. */
export const newPoolId = (region: string): string => `${region}_${randomFrom(ALNUM, 9)}`;
/** 26 lowercase letters and digits, like Cognito's app client IDs. */
export const newClientId = (): string => randomFrom(LOWER_ALNUM, 26);
/** 51 lowercase letters and digits, like Cognito's client secrets. */
export const newClientSecret = (): string => randomFrom(LOWER_ALNUM, 51);
export const newUuid = (): string => randomUUID();
/** Six-digit code for confirmation, password reset, attribute verification and SMS MFA. */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");
/** Opaque refresh token, shaped like Cognito's JWE (five base64url parts) but meaningless outside the store. */
export const newRefreshToken = (): string =>
  [
    "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ",
    randomBytes(256).toString("base64url"),
    randomBytes(12).toString("base64url"),
    randomBytes(512).toString("base64url"),
    randomBytes(16).toString("base64url"),
  ].join(".");
/** Session string for challenges (Cognito's are 20-2048 characters). */
export const newSessionId = (): string => randomBytes(96).toString("base64url");
/** A temporary password that passes any policy Cognito allows (length ≤ 99 is enforced by MinimumLength). */
export function newTemporaryPassword(minLength: number): string {
  const body = randomFrom(ALNUM, Math.max(minLength, 12) - 4);
  return `${body}Aa1!`;
}
