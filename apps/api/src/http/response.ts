import { type EndpointName, type ResponseInput, responseBody, type StatusOf } from "@repo/api-contract";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

const baseHeaders = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/** A JSON response; API responses are never cached (they depend on the caller's token). */
export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) };
}

export function noContent(): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 204, headers: { "cache-control": "no-store" } };
}

/**
 * A route's answer, built through the schema `@repo/api-contract` gives this endpoint and status:
 * the body is parsed (keys the contract does not name are dropped) before it is sent, and a body
 * off the contract throws (a 500: a bug in the handler, never the caller's fault). A 204 has no body.
 */
export function respond<N extends EndpointName, S extends StatusOf<N>>(
  endpoint: N,
  status: S,
  body: ResponseInput<N, S>,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  const parsed = responseBody(endpoint, status, body);
  if (status === 204) return { ...noContent(), headers: { ...noContent().headers, ...headers } };
  return json(status, parsed, headers);
}
