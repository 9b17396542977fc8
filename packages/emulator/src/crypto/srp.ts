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
import { createDiffieHellman, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { modPowBigInt } from "./modpow-bigint.mjs";
import { modPowOffThread } from "./offload";

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

/** RFC 5054 / RFC 3526 3072-bit MODP prime, copied from amazon-cognito-identity-js `initN`. */
const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1" +
  "29024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245" +
  "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D" +
  "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D" +
  "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9" +
  "DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64" +
  "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B" +
  "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31" +
  "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";
const N = BigInt(`0x${N_HEX}`);
const N_BYTES = N_HEX.length / 2;
const G = 2n;
/** Random bytes in the server's ephemeral `b`: 256 bits, twice the group's ~128-bit strength. */
const B_SECRET_BYTES = 32;
const SALT_BYTES = 16;
/** Cognito's SECRET_BLOCK is opaque to clients; this one is random and only compared. */
const SECRET_BLOCK_BYTES = 384;
const INFO_BITS = Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]);
const HEX = /^[0-9a-fA-F]+$/;
const MAX_HEX_DIGITS = 2 * N_HEX.length;

/**
 * One DiffieHellman object over N, reused: creating one checks the prime, while setting its
 * private key and calling `computeSecret(base)` is a plain OpenSSL modexp `base^priv mod N`.
 * Safe to share because every use is synchronous.
 */
const openssl = createDiffieHellman(Buffer.from(N_HEX, "hex"), Number(G));

/** `k = H(PAD(N) | PAD(g))`, as the clients compute it. */
const K_MULTIPLIER = hexToBig(hexHash(padHex(N_HEX) + padHex(G.toString(16))));

/**
 * Java `BigInteger.toByteArray()`-style hex of a non-negative integer given as hex: minimal digits,
 * even length, and a `00` byte in front when the top bit is set (the clients' `padHex`).
 */
export function padHex(hex: string): string {
  let h = hex.toLowerCase().replace(/^0+/, "");
  if (h === "") h = "0";
  if (h.length % 2 !== 0) h = `0${h}`;
  return /^[89a-f]/.test(h) ? `00${h}` : h;
}

function hexToBig(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

function bigToHex(value: bigint): string {
  return value.toString(16);
}

/** Big-endian bytes of a non-negative integer, at least one byte. */
function bigToBuffer(value: bigint): Buffer {
  const hex = bigToHex(value);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
}

function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 over the bytes a hex string spells (the clients' `hexHash`). */
function hexHash(hex: string): string {
  return sha256Hex(Buffer.from(hex, "hex"));
}

/** `base^exponent mod N` through OpenSSL. */
function modPow(base: bigint, exponent: bigint): bigint {
  const reduced = base % N;
  // OpenSSL rejects public keys outside [2, N-2]; these bases (and exponent 0) are trivial anyway.
  if (reduced < 2n || reduced > N - 2n || exponent === 0n) return modPowBigInt(reduced, exponent, N);
  openssl.setPrivateKey(bigToBuffer(exponent));
  return hexToBig(openssl.computeSecret(bigToBuffer(reduced)).toString("hex"));
}

/**
 * The SRP computations are written once, as generators that yield each modexp they need
 * (`[base, exponent]`, or the chain `[base, exponent, multiplier, exponent2]` meaning
 * `((base^exponent) * multiplier)^exponent2`, all mod N) and receive its result; `runInline`
 * answers on the calling thread, `runOffThread` on the modexp worker (see `offload.ts`) in one
 * round trip per request, for the sign-in hot paths.
 */
type ModPowRequest =
  | readonly [base: bigint, exponent: bigint]
  | readonly [base: bigint, exponent: bigint, multiplier: bigint, exponent2: bigint];
type SrpSteps<T> = Generator<ModPowRequest, T, bigint>;

function modPowChain(request: ModPowRequest): bigint {
  const first = modPow(request[0], request[1]);
  return request.length === 2 ? first : modPow((first * request[2]) % N, request[3]);
}

function runInline<T>(steps: SrpSteps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next(modPowChain(step.value));
  return step.value;
}

const evenHex = (value: bigint) => bigToBuffer(value).toString("hex");

async function runOffThread<T>(steps: SrpSteps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    const request = step.value;
    const [base, exponent] = request;
    // The worker computes every base in BigInt where OpenSSL would refuse it.
    const result = hexToBig(
      await modPowOffThread(
        N_HEX,
        evenHex(base % N),
        evenHex(exponent),
        request.length === 4
          ? { multiplierHex: evenHex(request[2] % N), exponentHex: evenHex(request[3]) }
          : undefined,
      ),
    );
    step = steps.next(result);
  }
  return step.value;
}

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

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/**
 * The clients' `TIMESTAMP` format, `ddd MMM D HH:mm:ss UTC YYYY` in UTC with English names and an
 * unpadded day (`Tue Mar 5 09:07:03 UTC 2024`).
 */
export function formatSrpTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/** Parses a client `TIMESTAMP`; `undefined` when it is not exactly the clients' format or not a real date. */
export function parseSrpTimestamp(timestamp: string): Date | undefined {
  const match = TIMESTAMP.exec(timestamp);
  if (!match) return undefined;
  const [, weekday, month, day, hours, minutes, seconds, year] = match;
  const date = new Date(
    Date.UTC(
      Number(year),
      MONTHS.indexOf(month as (typeof MONTHS)[number]),
      Number(day),
      Number(hours),
      Number(minutes),
      Number(seconds),
    ),
  );
  // Rejects rolled-over dates (Feb 30) and a weekday that does not fit the date.
  return formatSrpTimestamp(date) === timestamp && WEEKDAYS[date.getUTCDay()] === weekday ? date : undefined;
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
