/** The user's Cognito session cannot be continued (refresh token revoked or expired). */
export class SessionExpiredError extends Error {
  override name = "SessionExpiredError";
}

/** The sign-in service (Cognito's token endpoint), the API or the identity pool could not be reached. */
export class ServiceUnavailableError extends Error {
  override name = "ServiceUnavailableError";
  constructor(
    readonly service: "sign-in" | "api" | "files",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The API refused the caller (403): shown kindly, never as a crash. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** Any other answer the API gives that the page cannot use. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
