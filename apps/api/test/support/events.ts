import type { APIGatewayProxyEventV2 } from "aws-lambda";
import base from "../events/apigw-http/get-me.json";

/** A payload 2.0 event like API Gateway's, for a route, with the given token and body. */
export function httpEvent(opts: {
  method: string;
  path: string;
  routePath?: string;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const event = structuredClone(base) as unknown as APIGatewayProxyEventV2;
  const routeKey = `${opts.method} ${opts.routePath ?? opts.path}`;
  const headers: Record<string, string | undefined> = { ...event.headers, ...opts.headers };
  delete headers.authorization;
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.rawBody !== undefined) headers["content-type"] ??= "application/json";
  return {
    ...event,
    routeKey,
    rawPath: opts.path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers,
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    ...(opts.pathParameters ? { pathParameters: opts.pathParameters } : {}),
    ...(opts.body !== undefined || opts.rawBody !== undefined
      ? { body: opts.rawBody ?? JSON.stringify(opts.body) }
      : {}),
    requestContext: {
      ...event.requestContext,
      routeKey,
      http: { ...event.requestContext.http, method: opts.method, path: opts.path },
    },
  };
}

export function bodyOf(res: { body?: string }): Record<string, unknown> {
  return JSON.parse(res.body ?? "null");
}
