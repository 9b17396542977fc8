import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwkValidationError,
  JwtBaseError,
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidScopeError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  ParameterValidationError,
  WaitPeriodNotYetEndedJwkError,
} from "aws-jwt-verify/error";

/** RFC 6750 §3.1 error codes, plus `temporarily_unavailable` when keys cannot be fetched. */
export type BearerErrorCode =
  | "invalid_request"
  | "invalid_token"
  | "insufficient_scope"
  | "temporarily_unavailable";

/** Why a token was refused: a stable code tests and logs can rely on. */
export type InvalidTokenReason =
  | "malformed"
  | "unsupported_algorithm"
  | "unknown_key"
  | "invalid_signature"
  | "expired"
  | "not_yet_valid"
  | "invalid_issuer"
  | "invalid_client"
  | "wrong_token_use"
  | "invalid_claims";

/**
 * Base class of every authentication/authorization failure. Each subclass carries the HTTP status
 * it maps to and, where RFC 6750 defines one, the `WWW-Authenticate: Bearer` challenge.
 */
export abstract class AuthError extends Error {
  abstract readonly status: 400 | 401 | 403 | 503;
  abstract readonly bearerError: BearerErrorCode | undefined;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  /** The `WWW-Authenticate` header value (RFC 6750 §3), or undefined for non-bearer failures. */
  wwwAuthenticate(realm = "api"): string | undefined {
    const params = [`realm="${realm}"`];
    if (this.bearerError) {
      params.push(`error="${this.bearerError}"`, `error_description="${quote(this.message)}"`);
    }
    params.push(...this.extraChallengeParams());
    return `Bearer ${params.join(", ")}`;
  }

  protected extraChallengeParams(): string[] {
    return [];
  }

  /** The JSON body an API returns for this error. */
  toJSON(): { error: string; message: string } {
    return { error: this.bearerError ?? "forbidden", message: this.message };
  }
}

/** No `Authorization: Bearer` header: 401 with a bare challenge (RFC 6750 §3.1, no error code). */
export class MissingTokenError extends AuthError {
  readonly status = 401;
  readonly bearerError = undefined;
  constructor(message = "Missing bearer token") {
    super(message);
  }
  override toJSON() {
    return { error: "unauthorized", message: this.message };
  }
}

/** An `Authorization` header that is not a well-formed bearer credential: 400 `invalid_request`. */
export class MalformedAuthorizationError extends AuthError {
  readonly status = 400;
  readonly bearerError = "invalid_request";
}

/** The token is not acceptable: 401 `invalid_token`, with a machine-readable {@link reason}. */
export class InvalidTokenError extends AuthError {
  readonly status = 401;
  readonly bearerError = "invalid_token";
  constructor(
    readonly reason: InvalidTokenReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A valid token without the scope the operation needs: 403 `insufficient_scope`. */
export class InsufficientScopeError extends AuthError {
  readonly status = 403;
  readonly bearerError = "insufficient_scope";
  constructor(
    readonly requiredScopes: readonly string[],
    message = `Requires scope ${requiredScopes.join(" or ")}`,
  ) {
    super(message);
  }
  protected override extraChallengeParams(): string[] {
    return [`scope="${quote(this.requiredScopes.join(" "))}"`];
  }
}

/** A valid token whose user is not in a group the operation needs: 403. */
export class MissingGroupError extends AuthError {
  readonly status = 403;
  readonly bearerError = undefined;
  constructor(
    readonly requiredGroups: readonly string[],
    message = `Requires membership of group ${requiredGroups.join(" or ")}`,
  ) {
    super(message);
  }
  override wwwAuthenticate(): undefined {
    return undefined;
  }
}

/** The pool's signing keys could not be fetched or parsed: the request fails closed with 503. */
export class KeysUnavailableError extends AuthError {
  readonly status = 503;
  readonly bearerError = "temporarily_unavailable";
  override wwwAuthenticate(): undefined {
    return undefined;
  }
}

/**
 * Maps an error thrown by aws-jwt-verify to the {@link AuthError} it means for an API.
 * Errors that are not about the token (programmer errors) are returned unchanged.
 */
export function toAuthError(err: unknown): AuthError | unknown {
  if (err instanceof AuthError) return err;
  if (!(err instanceof JwtBaseError)) return err;
  const cause = { cause: err };
  if (err instanceof JwtExpiredError) return new InvalidTokenError("expired", "The token has expired", cause);
  if (err instanceof JwtNotBeforeError)
    return new InvalidTokenError("not_yet_valid", "The token is not valid yet", cause);
  // With a pool configured, aws-jwt-verify picks the issuer's config by `iss`; an unknown one is
  // reported as a parameter error before any signature check.
  if (err instanceof ParameterValidationError && /^issuer not configured/.test(err.message))
    return new InvalidTokenError("invalid_issuer", "The token was not issued by this user pool", cause);
  if (err instanceof ParameterValidationError) return err;
  if (err instanceof JwtInvalidIssuerError)
    return new InvalidTokenError("invalid_issuer", "The token was not issued by this user pool", cause);
  if (err instanceof CognitoJwtInvalidClientIdError)
    return new InvalidTokenError("invalid_client", "The token was not issued to an accepted client", cause);
  if (err instanceof CognitoJwtInvalidTokenUseError)
    return new InvalidTokenError(
      "wrong_token_use",
      `Expected ${String(err.failedAssertion.expected)} token`,
      cause,
    );
  if (err instanceof JwtInvalidSignatureAlgorithmError)
    return new InvalidTokenError(
      "unsupported_algorithm",
      "The token's signature algorithm is not accepted",
      cause,
    );
  if (err instanceof JwtInvalidSignatureError)
    return new InvalidTokenError("invalid_signature", "The token's signature is invalid", cause);
  if (
    err instanceof KidNotFoundInJwksError ||
    err instanceof JwtWithoutValidKidError ||
    err instanceof WaitPeriodNotYetEndedJwkError
  )
    return new InvalidTokenError("unknown_key", "The token was signed with an unknown key", cause);
  if (err instanceof JwtParseError)
    return new InvalidTokenError("malformed", "The token is malformed", cause);
  if (err instanceof CognitoJwtInvalidGroupError)
    return new MissingGroupError(asList(err.failedAssertion.expected));
  if (err instanceof JwtInvalidScopeError)
    return new InsufficientScopeError(asList(err.failedAssertion.expected));
  if (
    err instanceof FetchError ||
    err instanceof JwksValidationError ||
    err instanceof JwkValidationError ||
    err instanceof JwkInvalidKtyError ||
    err instanceof JwkInvalidUseError ||
    err instanceof JwksNotAvailableInCacheError
  )
    return new KeysUnavailableError("The user pool's signing keys are unavailable", cause);
  return new InvalidTokenError("invalid_claims", "The token is invalid", cause);
}

function asList(expected: unknown): string[] {
  if (Array.isArray(expected)) return expected.map(String);
  return expected === undefined || expected === null ? [] : [String(expected)];
}

function quote(value: string): string {
  return value.replace(/["\\]/g, "");
}
