import { decodeProtectedHeader, type ProtectedHeaderParameters } from "jose";
import { JwtError, type PublicJwk, verifyJwt } from "../crypto/jwt";
import type { JwtAuthorizerDefinition } from "./types";

/** Where an issuer's keys come from (for a local pool: its signing keys in the store). */
export type JwksResolver = (issuer: string) => { keys: PublicJwk[] } | undefined;

export type AuthorizerOutcome =
  | { ok: true; claims: Record<string, unknown>; scopes: string[] }
  | { ok: false; status: 401 | 403; description: string };

/**
 * API Gateway's JWT authorizer (COGNITO-REFERENCE §10): the token from the identity source (raw
 * or `Bearer`), an RSA signature by a key of the issuer's JWKS, `iss` equal to the configured
 * issuer, `aud` or `client_id` among the audiences, `exp`/`nbf`/`iat`; then the route's scopes
 * (one of them). It does not look at `token_use`.
 */
export function authorize(
  authorizer: JwtAuthorizerDefinition,
  headers: Headers,
  routeScopes: string[] | undefined,
  resolveJwks: JwksResolver,
  now: Date,
): AuthorizerOutcome {
  const fail = (description: string): AuthorizerOutcome => ({ ok: false, status: 401, description });
  const headerName = /^\$request\.header\.(.+)$/i.exec(authorizer.identitySource)?.[1] ?? "Authorization";
  const raw = headers.get(headerName)?.trim();
  if (!raw) return fail("the token is missing");
  const token = raw.replace(/^Bearer\s+/i, "");

  const header = decodeHeader(token);
  if (!header) return fail("the token is malformed");
  if (typeof header.alg !== "string" || !/^RS(256|384|512)$/.test(header.alg)) {
    return fail(`signing method ${String(header.alg)} is invalid`);
  }
  const jwks = resolveJwks(authorizer.issuer);
  if (!jwks) return fail("the issuer's keys are unavailable");
  let claims: Record<string, unknown>;
  try {
    claims = verifyJwt(
      token,
      jwks.keys.map((k) => ({ kid: k.kid, publicJwk: k })),
      now,
    );
  } catch (err) {
    if (err instanceof JwtError) {
      const reasons: Record<JwtError["code"], string> = {
        malformed: "the token is malformed",
        "unknown-kid": "the token's key id is not in the issuer's keys",
        "bad-signature": "the token's signature is invalid",
        expired: "the token has expired",
      };
      return fail(reasons[err.code]);
    }
    throw err;
  }
  const seconds = Math.floor(now.getTime() / 1000);
  if (claims.iss !== authorizer.issuer) return fail("the token does not have a valid issuer");
  const audiences = [claims.aud, claims.client_id].flat().filter((a): a is string => typeof a === "string");
  if (!audiences.some((a) => authorizer.audience.includes(a)))
    return fail("the token does not have a valid audience");
  if (typeof claims.nbf === "number" && claims.nbf > seconds) return fail("the token is not valid yet");
  if (typeof claims.iat === "number" && claims.iat > seconds + 5)
    return fail("the token was issued in the future");

  const granted = String(claims.scope ?? claims.scp ?? "")
    .split(" ")
    .filter(Boolean);
  if (routeScopes?.length && !routeScopes.some((s) => granted.includes(s))) {
    return { ok: false, status: 403, description: "the token does not have the required scope" };
  }
  return { ok: true, claims, scopes: granted };
}

/** The token's protected header, unverified; undefined unless it is a three-part JWS. */
function decodeHeader(token: string): ProtectedHeaderParameters | undefined {
  if (token.split(".").length !== 3) return undefined;
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

/**
 * Claims as API Gateway passes them to the function: every value a string, arrays as
 * `[a b]`, objects as JSON text, null claims left out (COGNITO-REFERENCE §10).
 */
export function claimsForEvent(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) out[key] = `[${value.map(String).join(" ")}]`;
    else if (typeof value === "object") out[key] = JSON.stringify(value);
    else out[key] = String(value);
  }
  return out;
}
