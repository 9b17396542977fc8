import { CognitoJwtVerifier } from "aws-jwt-verify";
import { FetchError, JwksNotAvailableInCacheError, KidNotFoundInJwksError } from "aws-jwt-verify/error";
import type { Fetcher } from "aws-jwt-verify/https";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import type { AccessTokenClaims, IdTokenClaims } from "./claims";
import { type AuthConfig, type AuthConfigInput, parseAuthConfig } from "./config";
import { MalformedAuthorizationError, MissingTokenError, toAuthError } from "./errors";
import { requireGroups, requireScopes, type ScopeMatch } from "./guards";

/**
 * Fetches the pool's JWKS from a fixed URL (the local emulator) instead of the issuer's AWS URL.
 * aws-jwt-verify's own fetcher speaks https only and always derives the URL from the issuer.
 */
export class FixedJwksFetcher implements Fetcher {
  constructor(
    private readonly jwksUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async fetch(): Promise<ArrayBuffer> {
    let res: Response;
    try {
      res = await fetch(this.jwksUrl, { signal: AbortSignal.timeout(this.timeoutMs), redirect: "error" });
    } catch (err) {
      throw new FetchError(this.jwksUrl, `JWKS request failed: ${(err as Error).message}`);
    }
    if (!res.ok) throw new FetchError(this.jwksUrl, `JWKS request answered HTTP ${res.status}`);
    return res.arrayBuffer();
  }
}

/** What an access-token check may additionally require. */
export interface AccessTokenRequirements {
  scopes?: readonly string[];
  scopeMatch?: ScopeMatch;
  groups?: readonly string[];
}

export interface TokenVerifiers {
  readonly config: AuthConfig;
  /** Verifies a Cognito access token (signature, issuer, expiry, `token_use`, `client_id`, then scopes and groups). */
  verifyAccessToken(token: string, requirements?: AccessTokenRequirements): Promise<AccessTokenClaims>;
  /** Verifies a Cognito ID token (signature, issuer, expiry, `token_use`, `aud`). */
  verifyIdToken(token: string): Promise<IdTokenClaims>;
}

/**
 * Builds the access- and ID-token verifiers of one user pool. Every failure is thrown as an
 * `AuthError` (401 `invalid_token`, 403, or 503 when the keys cannot be fetched: it fails closed).
 *
 * @example
 * const verifiers = createTokenVerifiers({ userPoolId: "us-east-1_AbC123", clientIds: ["web", "mobile"] });
 * const claims = await verifiers.verifyAccessToken(token, { scopes: ["api/read"] });
 *
 * @example Against the local emulator, keys come from its JWKS; tokens keep the AWS issuer.
 * createTokenVerifiers({ userPoolId, clientIds, jwksUrl: "http://127.0.0.1:9229/us-east-1_AbC123/.well-known/jwks.json" });
 */
export function createTokenVerifiers(input: AuthConfigInput): TokenVerifiers {
  const config = parseAuthConfig(input);
  const jwksCache = config.jwksUrl
    ? new SimpleJwksCache({ fetcher: new FixedJwksFetcher(config.jwksUrl, config.jwksTimeoutMs) })
    : undefined;
  const base = {
    userPoolId: config.userPoolId,
    clientId: config.clientIds,
    graceSeconds: config.graceSeconds,
  };
  const access = CognitoJwtVerifier.create(
    { ...base, tokenUse: "access" },
    jwksCache ? { jwksCache } : undefined,
  );
  const id = CognitoJwtVerifier.create({ ...base, tokenUse: "id" }, jwksCache ? { jwksCache } : undefined);

  return {
    config,
    async verifyAccessToken(token, requirements = {}) {
      const claims = (await verifyOrThrow(
        () => access.verifySync(token),
        () => access.verify(token),
      )) as unknown as AccessTokenClaims;
      requireScopes(claims, requirements.scopes ?? [], requirements.scopeMatch);
      requireGroups(claims, requirements.groups ?? []);
      return claims;
    },
    async verifyIdToken(token) {
      return (await verifyOrThrow(
        () => id.verifySync(token),
        () => id.verify(token),
      )) as unknown as IdTokenClaims;
    },
  };
}

/**
 * Verifies synchronously against the cached JWKS (no awaits on the hot path), and falls back to
 * the async path, which fetches the JWKS, only when the keys are not cached yet or the token's
 * `kid` is not among them (key rotation; aws-jwt-verify rate-limits those refetches).
 */
async function verifyOrThrow<T>(verifySync: () => T, verifyAsync: () => Promise<T>): Promise<T> {
  try {
    return verifySync();
  } catch (err) {
    if (!(err instanceof JwksNotAvailableInCacheError || err instanceof KidNotFoundInJwksError))
      throw toAuthError(err);
  }
  try {
    return await verifyAsync();
  } catch (err) {
    throw toAuthError(err);
  }
}

/**
 * Extracts the token of an `Authorization: Bearer <token>` header (case-insensitive scheme).
 * Throws {@link MissingTokenError} when there is none and {@link MalformedAuthorizationError}
 * when the header is present but not a bearer credential.
 */
export function bearerTokenFrom(header: string | undefined | null): string {
  if (header === undefined || header === null || header.trim() === "") throw new MissingTokenError();
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) {
    if (/^Bearer\b/i.test(header)) throw new MalformedAuthorizationError("Malformed bearer token");
    throw new MissingTokenError("Authorization header is not a bearer token");
  }
  return match[1];
}
