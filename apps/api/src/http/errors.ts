import { ApiErrorBody, type ValidationIssue } from "@repo/api-contract";
import { AuthError, toAuthError } from "@repo/auth-shared/errors";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { json } from "./response";

/** An error an API handler answers with its own status (PT `HttpError`). */
export abstract class HttpError extends Error {
  abstract readonly statusCode: number;
  abstract readonly errorType: string;
  constructor(
    message: string,
    readonly details?: ValidationIssue[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
  toJSON(): ApiErrorBody {
    return {
      error: this.errorType,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export class BadRequestError extends HttpError {
  readonly statusCode = 400;
  readonly errorType = "bad_request";
}
export class NotFoundError extends HttpError {
  readonly statusCode = 404;
  readonly errorType = "not_found";
}
export class PayloadTooLargeError extends HttpError {
  readonly statusCode = 413;
  readonly errorType = "payload_too_large";
}
export class UnsupportedMediaTypeError extends HttpError {
  readonly statusCode = 415;
  readonly errorType = "unsupported_media_type";
}
export class ForbiddenError extends HttpError {
  readonly statusCode = 403;
  readonly errorType = "forbidden";
}
/** A dependency (DynamoDB, Cognito) could not be reached: the client may retry. */
export class ServiceUnavailableError extends HttpError {
  readonly statusCode = 503;
  readonly errorType = "service_unavailable";
}

/**
 * The one place errors become responses: auth errors → 400/401/403/503 with `WWW-Authenticate`,
 * {@link HttpError} → its status, anything else → a logged 500 that reveals nothing.
 */
export function toHttpResponse(err: unknown, requestId?: string): APIGatewayProxyStructuredResultV2 {
  const auth = toAuthError(err);
  if (auth instanceof AuthError) {
    const challenge = auth.wwwAuthenticate();
    return errorResponse(auth.status, auth.toJSON(), challenge ? { "www-authenticate": challenge } : {});
  }
  if (err instanceof HttpError) {
    return errorResponse(err.statusCode, err.toJSON(), err.statusCode === 503 ? { "retry-after": "5" } : {});
  }
  if (isDependencyFailure(err)) {
    console.error(
      JSON.stringify({ level: "error", msg: "dependency failure", requestId, error: describeError(err) }),
    );
    return errorResponse(
      503,
      new ServiceUnavailableError("A backing service is unavailable, try again").toJSON(),
      { "retry-after": "5" },
    );
  }
  console.error(
    JSON.stringify({ level: "error", msg: "unhandled error", requestId, error: describeError(err) }),
  );
  return errorResponse(500, {
    error: "internal_error",
    message: "Internal server error",
    ...(requestId ? { requestId } : {}),
  });
}

/** Every error answer has the contract's error body (`ApiErrorBody`). */
function errorResponse(
  status: number,
  body: ApiErrorBody,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return json(status, ApiErrorBody.parse(body), headers);
}

function describeError(err: unknown): { name?: string; message: string; stack?: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message, stack: err.stack }
    : { message: String(err) };
}

/** AWS SDK throttling/server faults and network failures: the caller may retry later. */
function isDependencyFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const meta = (err as { $metadata?: { httpStatusCode?: number }; $fault?: string }).$metadata;
  if (meta && ((err as { $fault?: string }).$fault === "server" || (meta.httpStatusCode ?? 0) >= 500))
    return true;
  const code = (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
  return (
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"].includes(code ?? "") ||
    err.name === "TimeoutError" ||
    err.name === "ThrottlingException" ||
    err.name === "ProvisionedThroughputExceededException"
  );
}
