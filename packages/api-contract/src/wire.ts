import type { z } from "zod";
import {
  type EndpointDefinition,
  type EndpointName,
  endpoints,
  type RequestInput,
  type ResponseBody,
  type ResponseInput,
  type StatusOf,
} from "./endpoints";
import { ApiErrorBody } from "./errors";

/** A request or response that does not match the contract, with what was wrong. */
export class ContractError extends Error {
  override name = "ContractError";
  constructor(
    message: string,
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
  }
}

const definition = (name: EndpointName): EndpointDefinition => endpoints[name];

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new ContractError(`${what} does not match the API contract (${where})`, parsed.error.issues);
  }
  return parsed.data;
}

/** `"GET /notes/{noteId}"`: API Gateway's route key of an endpoint. */
export function routeKeyOf(name: EndpointName): string {
  const { method, path } = definition(name);
  return `${method} ${path}`;
}

/** An HTTP request for an endpoint, its parts checked against the contract first. */
export interface BuiltRequest {
  method: EndpointDefinition["method"];
  /** The path with its parameters filled in and the query string, e.g. `/notes?limit=50`. */
  path: string;
  /** The JSON body, when the endpoint takes one. */
  body?: string;
}

/**
 * Builds the request of an endpoint: path parameters validated and URL-encoded, the query as a
 * query string (values as text, absent ones left out), the body validated and serialized.
 * Throws {@link ContractError} for input the API would refuse with a 400.
 */
export function buildRequest<N extends EndpointName>(name: N, input: RequestInput<N>): BuiltRequest {
  const endpoint = definition(name);
  const parts = input as { params?: unknown; query?: Record<string, unknown>; body?: unknown };
  const params = (
    endpoint.params
      ? parseWith(endpoint.params, parts.params, `The path parameters of ${routeKeyOf(name)}`)
      : {}
  ) as Record<string, unknown>;
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) =>
    encodeURIComponent(String(params[key])),
  );
  if (endpoint.query && parts.query !== undefined) {
    parseWith(endpoint.query, parts.query, `The query of ${routeKeyOf(name)}`);
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return {
    method: endpoint.method,
    path: query ? `${path}?${query}` : path,
    ...(endpoint.body
      ? { body: JSON.stringify(parseWith(endpoint.body, parts.body, `The body of ${routeKeyOf(name)}`)) }
      : {}),
  };
}

/**
 * The body of a success answer, parsed with the schema of its status (`undefined` for a 204).
 * Throws {@link ContractError} for a status the endpoint does not answer or a body off its schema.
 */
export function readResponse<N extends EndpointName>(
  name: N,
  status: number,
  body: unknown,
): ResponseBody<N> {
  const schema = definition(name).responses[status];
  if (!schema) throw new ContractError(`${routeKeyOf(name)} does not answer HTTP ${status} on success`);
  return parseWith(schema, body, `The answer of ${routeKeyOf(name)} (HTTP ${status})`) as ResponseBody<N>;
}

/**
 * What a handler answers: the body parsed with the schema of the status (unknown keys dropped).
 * Throws {@link ContractError} when the handler's body is off the contract: a bug, never the
 * caller's fault.
 */
export function responseBody<N extends EndpointName, S extends StatusOf<N>>(
  name: N,
  status: S,
  body: ResponseInput<N, S>,
): ResponseBody<N, S> {
  return readResponse(name, status, body) as ResponseBody<N, S>;
}

/** The error body of a failed answer, or undefined when it is not one. */
export function readErrorBody(body: unknown): ApiErrorBody | undefined {
  const parsed = ApiErrorBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
