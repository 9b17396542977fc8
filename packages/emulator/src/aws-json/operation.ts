import type { z } from "zod";
import type { RequestInfo } from "../request-info";

/** One AWS JSON operation: its request schema and what it does with a valid request. */
export interface AwsJsonOperation<S> {
  /** The request schema: the members this operation reads (the settings ledger checks them). */
  readonly schema: z.ZodType;
  readonly handle: (body: unknown, services: S, request?: RequestInfo) => Promise<unknown>;
}

/**
 * The AWS validation message, `1 validation error detected: Value at 'x' failed to satisfy
 * constraint: ...`, thrown as the service's own `invalid` error (its `InvalidParameterException`).
 */
export function parseRequestWith<T extends z.ZodType>(
  schema: T,
  body: unknown,
  invalid: (message: string) => Error,
): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const parts = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join(".") || "request";
    const member = path.charAt(0).toLowerCase() + path.slice(1);
    return `Value at '${member}' failed to satisfy constraint: ${issue.message}`;
  });
  const n = issues.length;
  throw invalid(`${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`);
}

/**
 * A service's operation builder and request parser, bound to its services type and its
 * `InvalidParameterException`. The handler only ever sees a parsed request; anything else becomes
 * that error, never a 500.
 */
export function operationKit<S>(invalid: (message: string) => Error) {
  const parseRequest = <T extends z.ZodType>(schema: T, body: unknown): z.output<T> =>
    parseRequestWith(schema, body, invalid);
  const operation = <T extends z.ZodType>(
    schema: T,
    handler: (req: z.output<T>, services: S, request: RequestInfo) => unknown | Promise<unknown>,
  ): AwsJsonOperation<S> => ({
    schema,
    handle: async (body, services, request = {}) => handler(parseRequest(schema, body), services, request),
  });
  return { operation, parseRequest };
}
