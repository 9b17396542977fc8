/**
 * The server side of Cognito's SRP-6a (`USER_SRP_AUTH` + `PASSWORD_VERIFIER`), byte for byte as
 * amazon-cognito-identity-js (`AuthenticationHelper.js`, `CognitoUser.js`) and Amplify v6 compute
 * the client side, so that those real clients sign in against the emulator unchanged.
 *
 * Passwords are never stored: a user keeps only `{ salt, verifier = g^x mod N }`, which is enough
 * both to run SRP and to check a plain password (`USER_PASSWORD_AUTH`) by recomputing the verifier.
 *
 * The 3072-bit modular exponentiations go through OpenSSL (a reused `DiffieHellman` object over
 * the group's prime): about ten times faster than JavaScript BigInt. BigInt is used only for the
 * cheap steps (multiplication and addition modulo N).
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  bigToHex,
  G,
  hexHash,
  hexToBig,
  K_MULTIPLIER,
  modPow,
  N,
  N_BYTES,
  N_HEX,
  padHex,
  runInline,
  runOffThread,
  type SrpSteps,
  sha256Hex,
} from "./srp-group";
import { parseSrpTimestamp } from "./srp-timestamp";

export { padHex } from "./srp-group";
export { formatSrpTimestamp, parseSrpTimestamp } from "./srp-timestamp";

/** Thrown when a client's SRP input cannot be used (malformed hex, `A mod N == 0`). */
export class SrpError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SrpError";
  }
}

/** What is stored per user instead of the password (both hex). */
export interface SrpVerifier {
  salt: string;
  verifier: string;
}

/**
 * Everything needed between InitiateAuth (which sends `SRP_B`) and RespondToAuthChallenge (which
 * brings the signature). Plain strings so the store can keep it as JSON; `b` is the server's secret
 * ephemeral, so the state must stay server-side.
 */
export interface SrpSessionState {
  userIdForSrp: string;
  srpA: string;
  srpB: string;
  b: string;
  secretBlock: string;
  salt: string;
  verifier: string;
}

/** The challenge parameters Cognito returns with `ChallengeName: "PASSWORD_VERIFIER"`. */
export interface SrpChallengeParameters {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

/** How far a client's `TIMESTAMP` may be from the server clock. */
export const SRP_TIMESTAMP_SKEW_MS = 5 * 60 * 1000;

/** Random bytes in the server's ephemeral `b`: 256 bits, twice the group's ~128-bit strength. */
const B_SECRET_BYTES = 32;
const SALT_BYTES = 16;
/** Cognito's SECRET_BLOCK is opaque to clients; this one is random and only compared. */
const SECRET_BLOCK_BYTES = 384;
const INFO_BITS = Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]);
const HEX = /^[0-9a-fA-F]+$/;
const MAX_HEX_DIGITS = 2 * N_HEX.length;

/** Parses client- or store-supplied hex, refusing anything that is not a plausible group element. */
function parseHex(hex: string, what: string): bigint {
  if (!HEX.test(hex) || hex.length > MAX_HEX_DIGITS) throw new SrpError(`${what} is not a valid hex number`);
  return hexToBig(hex);
}

/** `x = H(PAD(salt) | H(poolName | userId | ":" | password))`. */
function computeX(poolShortName: string, userIdForSrp: string, password: string, salt: string): bigint {
  const identityHash = sha256Hex(Buffer.from(`${poolShortName}${userIdForSrp}:${password}`, "utf8"));
  return hexToBig(hexHash(padHex(salt) + identityHash));
}

/** `u = H(PAD(A) | PAD(B))`. */
function computeU(srpA: string, srpB: string): bigint {
  return hexToBig(hexHash(padHex(srpA) + padHex(srpB)));
}

/** Fixed-width bytes of a group element, so equal values compare equal in constant time. */
function elementBytes(value: bigint): Buffer {
  return Buffer.from(bigToHex(value).padStart(N_BYTES * 2, "0"), "hex");
}

/** Cognito's "HKDF": one HMAC-SHA256 extract with salt `PAD(u)`, one expand block, 16 bytes. */
function derivePasswordKey(s: bigint, u: bigint): Buffer {
  const prk = createHmac("sha256", Buffer.from(padHex(bigToHex(u)), "hex"))
    .update(Buffer.from(padHex(bigToHex(s)), "hex"))
    .digest();
  return createHmac("sha256", prk).update(INFO_BITS).digest().subarray(0, 16);
}

function constantTimeEqualStrings(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Derives the stored verifier for a new password (sign-up, password change, admin set). The salt
 * is fresh each time, so the same password never yields the same record twice.
 */
export function createSrpVerifier(
  poolShortName: string,
  userIdForSrp: string,
  password: string,
): SrpVerifier {
  const salt = randomBytes(SALT_BYTES).toString("hex");
  const verifier = modPow(G, computeX(poolShortName, userIdForSrp, password, salt));
  return { salt, verifier: bigToHex(verifier).padStart(N_BYTES * 2, "0") };
}

/**
 * Checks a plain password (`USER_PASSWORD_AUTH`, `ChangePassword`'s previous password) against the
 * stored verifier: one modexp, then a constant-time comparison.
 */
export function passwordMatches(
  poolShortName: string,
  userIdForSrp: string,
  password: string,
  stored: SrpVerifier,
): boolean {
  return runInline(passwordMatchSteps(poolShortName, userIdForSrp, password, stored));
}

/** `passwordMatches` with its modexp on the worker thread (sign-in hot path). */
export function passwordMatchesOffThread(
  poolShortName: string,
  userIdForSrp: string,
  password: string,
  stored: SrpVerifier,
): Promise<boolean> {
  return runOffThread(passwordMatchSteps(poolShortName, userIdForSrp, password, stored));
}

function* passwordMatchSteps(
  poolShortName: string,
  userIdForSrp: string,
  password: string,
  stored: SrpVerifier,
): SrpSteps<boolean> {
  let storedVerifier: bigint;
  try {
    storedVerifier = parseHex(stored.verifier, "stored verifier");
  } catch {
    return false;
  }
  const candidate = yield [G, computeX(poolShortName, userIdForSrp, password, stored.salt)];
  return timingSafeEqual(elementBytes(candidate), elementBytes(storedVerifier % N));
}

/**
 * InitiateAuth `USER_SRP_AUTH`: takes the client's `SRP_A`, picks the server ephemeral and returns
 * what Cognito sends back (`PASSWORD_VERIFIER` parameters) plus the state to keep for the answer.
 *
 * @throws SrpError when `SRP_A` is not hex or `A mod N == 0` (Cognito refuses such an A too).
 */
export function startSrp(input: SrpStartInput): SrpStart {
  return runInline(startSteps(input));
}

/** `startSrp` with its modexp on the worker thread (sign-in hot path). */
export function startSrpOffThread(input: SrpStartInput): Promise<SrpStart> {
  return runOffThread(startSteps(input));
}

export interface SrpStartInput {
  poolShortName: string;
  userIdForSrp: string;
  stored: SrpVerifier;
  srpA: string;
}

export interface SrpStart {
  challengeParameters: SrpChallengeParameters;
  state: SrpSessionState;
}

function* startSteps(input: SrpStartInput): SrpSteps<SrpStart> {
  const a = parseHex(input.srpA, "SRP_A");
  if (a % N === 0n) throw new SrpError("SRP_A mod N cannot be 0");
  const v = parseHex(input.stored.verifier, "stored verifier") % N;
  const srpA = bigToHex(a);
  for (;;) {
    const b = hexToBig(randomBytes(B_SECRET_BYTES).toString("hex"));
    if (b === 0n) continue;
    const gb = yield [G, b];
    const bigB = (K_MULTIPLIER * v + gb) % N;
    const srpB = bigToHex(bigB);
    // The clients refuse B mod N == 0 and u == 0; redraw b in those (astronomically rare) cases.
    if (bigB === 0n || computeU(srpA, srpB) === 0n) continue;
    const secretBlock = randomBytes(SECRET_BLOCK_BYTES).toString("base64");
    return {
      challengeParameters: {
        SRP_B: srpB,
        SALT: input.stored.salt,
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: input.userIdForSrp,
      },
      state: {
        userIdForSrp: input.userIdForSrp,
        srpA,
        srpB,
        b: bigToHex(b),
        secretBlock,
        salt: input.stored.salt,
        verifier: input.stored.verifier,
      },
    };
  }
}

/**
 * RespondToAuthChallenge `PASSWORD_VERIFIER`: true only if the client proved knowledge of the
 * password for this very session. Checks, in order: the echoed secret block is the one issued, the
 * timestamp has the clients' format and is within ±5 minutes of `now`, and the HMAC signature
 * (compared in constant time) matches `S = (A * v^u)^b mod N`. Anything wrong in the client's
 * answer yields `false`, never an exception.
 *
 * @throws SrpError only when the stored state itself is corrupt (not hex).
 */
export function verifyPasswordClaim(input: PasswordClaimInput): boolean {
  return runInline(claimSteps(input));
}

/** `verifyPasswordClaim` with its modexps on the worker thread (sign-in hot path). */
export function verifyPasswordClaimOffThread(input: PasswordClaimInput): Promise<boolean> {
  return runOffThread(claimSteps(input));
}

export interface PasswordClaimInput {
  poolShortName: string;
  state: SrpSessionState;
  passwordClaimSignature: string;
  passwordClaimSecretBlock: string;
  timestamp: string;
  now?: Date;
}

function* claimSteps(input: PasswordClaimInput): SrpSteps<boolean> {
  const { state } = input;
  if (!constantTimeEqualStrings(input.passwordClaimSecretBlock, state.secretBlock)) return false;
  const claimedAt = parseSrpTimestamp(input.timestamp);
  const now = input.now ?? new Date();
  if (!claimedAt || Math.abs(now.getTime() - claimedAt.getTime()) > SRP_TIMESTAMP_SKEW_MS) return false;

  const a = parseHex(state.srpA, "SRP_A");
  const b = parseHex(state.b, "b");
  const v = parseHex(state.verifier, "stored verifier");
  const u = computeU(state.srpA, state.srpB);
  // S = (A * v^u)^b, as one chained request.
  const s = yield [v, u, a, b];
  const key = derivePasswordKey(s, u);
  const expected = createHmac("sha256", key)
    .update(
      Buffer.concat([
        Buffer.from(input.poolShortName, "utf8"),
        Buffer.from(state.userIdForSrp, "utf8"),
        Buffer.from(state.secretBlock, "base64"),
        Buffer.from(input.timestamp, "utf8"),
      ]),
    )
    .digest("base64");
  return constantTimeEqualStrings(input.passwordClaimSignature, expected);
}
