import { z } from "zod";
import { InvalidParameterException } from "../errors";
import type { RequestInfo } from "../request-info";
import type { Services } from "./services";

/** One cognito-idp operation: its request schema and what it does with a valid request. */
export interface Operation {
  /** The request schema: the members this operation reads (the settings ledger checks them). */
  readonly schema: z.ZodType;
  readonly handle: (body: unknown, services: Services, request?: RequestInfo) => Promise<unknown>;
}

/**
 * Builds an operation from its zod schema and handler. The handler only ever sees a parsed request;
 * anything else becomes `InvalidParameterException`, never a 500.
 */
export function operation<S extends z.ZodType>(
  schema: S,
  handler: (req: z.output<S>, services: Services, request: RequestInfo) => unknown | Promise<unknown>,
): Operation {
  return {
    schema,
    handle: async (body, services, request = {}) => handler(parseRequest(schema, body), services, request),
  };
}

/** Cognito's validation message: `1 validation error detected: Value at 'x' failed to satisfy constraint: ...`. */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const parts = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join(".") || "request";
    const member = path.charAt(0).toLowerCase() + path.slice(1);
    return `Value at '${member}' failed to satisfy constraint: ${issue.message}`;
  });
  const n = issues.length;
  throw new InvalidParameterException(
    `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`,
  );
}

/** Shared field schemas. */
export const PoolId = z
  .string()
  .min(1)
  .max(55)
  .regex(/^[\w-]+_[0-9a-zA-Z]+$/, "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
export const ClientId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w+]+$/, "Member must satisfy regular expression pattern: [\\w+]+");
export const Username = z.string().min(1).max(128);
export const AttributeList = z.array(
  z.object({ Name: z.string().min(1).max(32), Value: z.string().max(2048).optional() }),
);
export const StringMap = z.record(z.string(), z.string());
export const Token = z.string().min(1);

/** Opaque pagination tokens: base64 of an offset or sequence number. */
export function encodeNextToken(n: number): string {
  return Buffer.from(`n:${n}`).toString("base64url");
}
export function decodeNextToken(token: string | undefined): number {
  if (!token) return 0;
  const raw = Buffer.from(token, "base64url").toString("utf8");
  const m = /^n:(\d+)$/.exec(raw);
  if (!m) throw new InvalidParameterException("Invalid pagination token.");
  return Number(m[1]);
}

/** Pages an in-memory list by offset. */
export function paginate<T>(
  items: T[],
  limit: number | undefined,
  token: string | undefined,
  defaultLimit = 60,
) {
  const start = decodeNextToken(token);
  const size = limit && limit > 0 ? limit : defaultLimit;
  const page = items.slice(start, start + size);
  const next = start + size < items.length ? encodeNextToken(start + size) : undefined;
  return { page, next };
}
