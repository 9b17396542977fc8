/**
 * OAuth 2.0 errors (RFC 6749 §4.1.2.1, §5.2) of the hosted UI and its endpoints. One handler per
 * transport decides how they are shown: a redirect back to the client, a JSON body, or an HTML page.
 *
 * @module
 */

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "unsupported_token_type"
  | "invalid_scope"
  | "invalid_token"
  | "access_denied"
  | "login_required"
  | "server_error";

export class OAuthError extends Error {
  readonly error: OAuthErrorCode;
  readonly status: 400 | 401 | 403 | 404 | 405 | 500;
  /** False when the request cannot be trusted to carry a usable redirect_uri (e.g. it is not registered). */
  readonly allowRedirect: boolean;
  /** Set once the authorize request's redirect_uri is known to be registered: where the error goes. */
  redirectUri?: string;
  state?: string;

  constructor(
    error: OAuthErrorCode,
    description: string,
    options: { status?: 400 | 401 | 403 | 404 | 405 | 500; allowRedirect?: boolean; cause?: unknown } = {},
  ) {
    super(description, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.error = error;
    this.status = options.status ?? (error === "invalid_client" || error === "invalid_token" ? 401 : 400);
    this.allowRedirect = options.allowRedirect ?? true;
  }

  get error_description(): string {
    return this.message;
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.message };
  }
}

/** A redirect_uri or client that must never be redirected to: the user sees an error page instead. */
export class RedirectMismatchError extends OAuthError {
  constructor(description: string) {
    super("invalid_request", description, { allowRedirect: false });
  }
}

/** The domain prefix in the path names no domain, or the pool behind it is gone. */
export class UnknownDomainError extends OAuthError {
  constructor(domain: string) {
    super("invalid_request", `No user pool domain ${domain} exists.`, { status: 404, allowRedirect: false });
  }
}
