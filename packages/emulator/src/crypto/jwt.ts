/**
 * RS256 signing keys, JWTs and JWKS in the shape Cognito publishes them, so that aws-jwt-verify,
 * API Gateway's JWT authorizer and next-auth accept emulator tokens unchanged.
 *
 * Parsing a PEM or JWK into a `KeyObject` costs more than the signature itself, so key objects are
 * cached (by PEM for private keys, by `kid` + modulus for public ones).
 *
 * @module
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { signOffThread } from "./offload";

/** A public key as Cognito lists it in `/.well-known/jwks.json` (this exact key order). */
// A type alias rather than an interface so it fits JSON-typed parameters (aws-jwt-verify's `Jwks`).
export type PublicJwk = {
  alg: "RS256";
  e: string;
  kid: string;
  kty: "RSA";
  n: string;
  use: "sig";
};

/** One pool signing key as the store keeps it (ID and access tokens each get their own). */
export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  publicJwk: PublicJwk;
}

/** The registered claims the emulator reads back; Cognito claims ride along untyped. */
export interface JwtPayload {
  sub?: string;
  iss?: string;
  exp?: number;
  iat?: number;
  nbf?: number;
  jti?: string;
  token_use?: string;
  [claim: string]: unknown;
}

/** Why `verifyJwt` refused a token. */
export type JwtErrorCode = "malformed" | "unknown-kid" | "bad-signature" | "expired";

/** Thrown by `verifyJwt`; the caller maps it to `NotAuthorizedException`. */
export class JwtError extends Error {
  readonly code: JwtErrorCode;
  constructor(code: JwtErrorCode, message: string) {
    super(message);
    this.name = "JwtError";
    this.code = code;
  }
}

const MAX_CACHED_KEYS = 1024;
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function cached(cache: Map<string, KeyObject>, id: string, create: () => KeyObject): KeyObject {
  let key = cache.get(id);
  if (!key) {
    // Keys are few (two per pool); the bound only stops a leak if keys were rotated endlessly.
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    key = create();
    cache.set(id, key);
  }
  return key;
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/**
 * Creates a fresh RSA-2048 key. The `kid` is the base64 SHA-256 of the public key (Cognito's kids
 * are 44-character base64 strings too), so it is stable for a key and unique across keys.
 */
export function generateSigningKey(): SigningKey {
  // The key comes out encoded and is read back into key objects of our own: on Node 20 a garbage
  // collection during an export from the generated key objects can free the key-generation job,
  // whose destructor takes the lock the export holds, and the process hangs (seen under many
  // CreateUserPool calls in a row).
  const { publicKey: spki, privateKey: privateKeyPem } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const kid = createHash("sha256").update(spki).digest("base64");
  const jwk = createPublicKey({ key: spki, format: "der", type: "spki" }).export({ format: "jwk" });
  if (typeof jwk.n !== "string" || typeof jwk.e !== "string")
    throw new TypeError("RSA JWK export lacks n or e");
  privateKeys.set(privateKeyPem, createPrivateKey(privateKeyPem));
  return { kid, privateKeyPem, publicJwk: { alg: "RS256", e: jwk.e, kid, kty: "RSA", n: jwk.n, use: "sig" } };
}

/** Signs `payload` as a compact JWS with Cognito's header `{"kid":…,"alg":"RS256"}`. */
export function signJwt(payload: object, key: SigningKey): string {
  const { signingInput, privateKey } = prepareJws(payload, key);
  const signature = sign("sha256", Buffer.from(signingInput, "ascii"), privateKey);
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** `signJwt` with the RSA signature computed in libuv's thread pool (token issuing hot path). */
export async function signJwtOffThread(payload: object, key: SigningKey): Promise<string> {
  const { signingInput, privateKey } = prepareJws(payload, key);
  const signature = await signOffThread(Buffer.from(signingInput, "ascii"), privateKey);
  return `${signingInput}.${signature.toString("base64url")}`;
}

function prepareJws(payload: object, key: SigningKey): { signingInput: string; privateKey: KeyObject } {
  return {
    signingInput: `${base64UrlJson({ kid: key.kid, alg: "RS256" })}.${base64UrlJson(payload)}`,
    privateKey: cached(privateKeys, key.privateKeyPem, () => createPrivateKey(key.privateKeyPem)),
  };
}

/** The pool's JWKS document, as served at `/{poolId}/.well-known/jwks.json`. */
export function jwksOf(keys: readonly Pick<SigningKey, "publicJwk">[]): { keys: PublicJwk[] } {
  return { keys: keys.map(({ publicJwk: { alg, e, kid, kty, n, use } }) => ({ alg, e, kid, kty, n, use })) };
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Checks a token the emulator issued itself (e.g. the access token of GetUser or GlobalSignOut):
 * shape, `alg` RS256, a known `kid`, the signature and `exp` (required). Issuer, audience and `token_use` are
 * the caller's business.
 *
 * @throws JwtError with a `code` saying what was wrong.
 */
export function verifyJwt<T extends JwtPayload = JwtPayload>(
  token: string,
  keys: readonly Pick<SigningKey, "kid" | "publicJwk">[],
  now: Date = new Date(),
): T {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    throw new JwtError("malformed", "Token is not a compact JWS");
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!isObject(header) || !isObject(payload))
    throw new JwtError("malformed", "Token header or payload is not JSON");
  if (header.alg !== "RS256") throw new JwtError("malformed", "Token is not signed with RS256");
  const key = keys.find((candidate) => candidate.kid === header.kid);
  if (!key) throw new JwtError("unknown-kid", "Token was signed with an unknown key");
  const publicKey = cached(publicKeys, `${key.kid}.${key.publicJwk.n}`, () =>
    createPublicKey({ key: { ...key.publicJwk }, format: "jwk" }),
  );
  const signed = Buffer.from(`${headerPart}.${payloadPart}`, "ascii");
  if (!verify("sha256", signed, publicKey, Buffer.from(signaturePart, "base64url"))) {
    throw new JwtError("bad-signature", "Token signature is invalid");
  }
  // Every token the emulator issues has `exp`; one without it is not ours.
  if (typeof payload.exp !== "number") throw new JwtError("malformed", "Token has no numeric exp");
  if (payload.exp * 1000 <= now.getTime()) {
    throw new JwtError("expired", "Token has expired");
  }
  return payload as T;
}

/** OIDC `at_hash` for an ID token issued next to `accessToken`: base64url of SHA-256's left half. */
export function atHash(accessToken: string): string {
  return createHash("sha256").update(accessToken, "ascii").digest().subarray(0, 16).toString("base64url");
}
