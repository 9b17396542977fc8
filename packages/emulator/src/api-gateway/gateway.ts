import { randomUUID } from "node:crypto";
import type { Context, Hono } from "hono";
import type { Clock } from "../clock";
import { LambdaFunctionError, type LambdaRuntime } from "../lambda/runtime";
import { authorize, claimsForEvent, type JwksResolver } from "./jwt-authorizer";
import { RouteMatcher } from "./route-matcher";
import type { CorsDefinition, HttpApiDefinition } from "./types";

export interface ApiGatewayDeps {
  /** The HTTP APIs to serve, looked up on every request (infra may be reloaded). */
  apis: () => HttpApiDefinition[];
  runtime: LambdaRuntime;
  jwks: JwksResolver;
  clock: Clock;
  accountId: string;
}

/** Lambda's synchronous request payload limit. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/**
 * The local API Gateway: each HTTP API under `/_api/<name>/` with API Gateway's routing, CORS,
 * JWT authorizers (401/403 before any function runs) and Lambda proxy integrations (payload 2.0),
 * running the same bundles infra deploys.
 */
export function mountApiGateway(app: Hono, deps: ApiGatewayDeps): void {
  const matchers = new WeakMap<HttpApiDefinition, RouteMatcher>();
  const handler = async (c: Context) => {
    const name = c.req.param("apiName") ?? "";
    const api = deps.apis().find((a) => a.name === name);
    if (!api) return gatewayJson(c, 404, { message: "Not Found" });
    let matcher = matchers.get(api);
    if (!matcher) {
      matcher = new RouteMatcher(api.routes);
      matchers.set(api, matcher);
    }
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/_api/${name}`.length) || "/";
    const method = c.req.method.toUpperCase();
    const origin = c.req.header("origin");
    const cors = corsHeaders(api.cors, origin);

    if (method === "OPTIONS" && api.cors && origin && c.req.header("access-control-request-method")) {
      return new Response(null, { status: 204, headers: preflightHeaders(api.cors, origin) });
    }

    const match = matcher.match(method, path);
    if (!match) return gatewayJson(c, 404, { message: "Not Found" }, cors);

    let authorizer: Record<string, unknown> | undefined;
    if (match.route.authorizationType === "JWT") {
      const definition = match.route.authorizerId ? api.authorizers[match.route.authorizerId] : undefined;
      if (!definition) return gatewayJson(c, 500, { message: "Internal Server Error" }, cors);
      const outcome = authorize(
        definition,
        c.req.raw.headers,
        match.route.authorizationScopes,
        deps.jwks,
        deps.clock.now(),
      );
      if (!outcome.ok) {
        const body = { message: outcome.status === 401 ? "Unauthorized" : "Forbidden" };
        const challenge = `Bearer scope="${(match.route.authorizationScopes ?? []).join(" ")}" error="${
          outcome.status === 401 ? "invalid_token" : "insufficient_scope"
        }" error_description="${outcome.description}"`;
        return gatewayJson(c, outcome.status, body, { ...cors, "www-authenticate": challenge });
      }
      authorizer = {
        jwt: {
          claims: claimsForEvent(outcome.claims),
          scopes: match.route.authorizationScopes?.length ? outcome.scopes : null,
        },
      };
    }

    const body = Buffer.from(await c.req.arrayBuffer());
    if (body.length > MAX_PAYLOAD_BYTES)
      return gatewayJson(c, 413, { message: "Request Entity Too Large" }, cors);
    const event = toEvent(
      c,
      api,
      match.route.routeKey,
      path,
      url,
      match.pathParameters,
      body,
      authorizer,
      deps,
    );

    let result: unknown;
    try {
      result = await deps.runtime.invoke(match.route.functionName, event);
    } catch (err) {
      const detail =
        err instanceof LambdaFunctionError ? `${err.errorType}: ${err.errorMessage}` : (err as Error).message;
      console.error(`[api-gateway] ${api.name} ${match.route.routeKey}: ${detail}`);
      return gatewayJson(c, 500, { message: "Internal Server Error" }, cors);
    }
    return toResponse(result, cors);
  };
  app.all("/_api/:apiName", handler);
  app.all("/_api/:apiName/*", handler);
}

function toEvent(
  c: Context,
  api: HttpApiDefinition,
  routeKey: string,
  path: string,
  url: URL,
  pathParameters: Record<string, string>,
  body: Buffer,
  authorizer: Record<string, unknown> | undefined,
  deps: ApiGatewayDeps,
) {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  c.req.raw.headers.forEach((value, key) => {
    if (key === "cookie") cookies.push(...value.split(/;\s*/).filter(Boolean));
    else headers[key] = headers[key] ? `${headers[key]},${value}` : value;
  });
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(",");
  const now = deps.clock.now();
  const text = body.toString("utf8");
  const isText = body.length > 0 && Buffer.from(text, "utf8").equals(body);
  const host = headers.host ?? "localhost";
  return {
    version: "2.0",
    routeKey,
    rawPath: path,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: deps.accountId,
      apiId: api.id,
      ...(authorizer ? { authorizer } : {}),
      domainName: host,
      domainPrefix: host.split(".")[0] ?? host,
      http: {
        method: c.req.method.toUpperCase(),
        path,
        protocol: "HTTP/1.1",
        sourceIp: headers["x-forwarded-for"]?.split(",")[0]?.trim() ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: formatTime(now),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: isText ? text : body.toString("base64") } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** Lambda's result → HTTP (payload 2.0): a result without `statusCode` is a 200 JSON body. */
function toResponse(result: unknown, cors: Record<string, string>): Response {
  const structured =
    result !== null && typeof result === "object" && "statusCode" in (result as Record<string, unknown>)
      ? (result as {
          statusCode: number;
          headers?: Record<string, unknown>;
          body?: string;
          cookies?: string[];
          isBase64Encoded?: boolean;
        })
      : undefined;
  if (!structured) {
    const body = typeof result === "string" ? result : JSON.stringify(result);
    return new Response(body, { status: 200, headers: { "content-type": "application/json", ...cors } });
  }
  const headers = new Headers(cors);
  for (const [k, v] of Object.entries(structured.headers ?? {})) headers.set(k, String(v));
  for (const cookie of structured.cookies ?? []) headers.append("set-cookie", cookie);
  const noBody = structured.statusCode === 204 || structured.statusCode === 304;
  const payload =
    noBody || structured.body === undefined
      ? null
      : structured.isBase64Encoded
        ? Buffer.from(structured.body, "base64")
        : structured.body;
  return new Response(payload, { status: structured.statusCode, headers });
}

function gatewayJson(c: Context, status: number, body: object, headers: Record<string, string> = {}) {
  return c.newResponse(JSON.stringify(body), status as 200, {
    "content-type": "application/json",
    "x-amzn-ErrorType": status === 401 || status === 403 ? "UnauthorizedException" : "NotFoundException",
    ...headers,
  });
}

/**
 * The origin to echo: a configured one exactly, or `*` for the wildcard (never with credentials:
 * the stack loader refuses that configuration, as API Gateway does). Any other origin gets no
 * CORS headers at all.
 */
function allowedOrigin(cors: CorsDefinition, origin: string): string | undefined {
  if (cors.allowOrigins.includes(origin)) return origin;
  if (cors.allowOrigins.includes("*") && !cors.allowCredentials) return "*";
  return undefined;
}

function corsHeaders(cors: CorsDefinition | undefined, origin: string | undefined): Record<string, string> {
  if (!cors || !origin) return {};
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  return {
    "access-control-allow-origin": allowed,
    ...(cors.allowCredentials ? { "access-control-allow-credentials": "true" } : {}),
    ...(cors.exposeHeaders.length ? { "access-control-expose-headers": cors.exposeHeaders.join(",") } : {}),
    vary: "Origin",
  };
}

function preflightHeaders(cors: CorsDefinition, origin: string): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  return {
    ...corsHeaders(cors, origin),
    "access-control-allow-methods": cors.allowMethods.join(","),
    "access-control-allow-headers": cors.allowHeaders.join(","),
    ...(cors.maxAge !== undefined ? { "access-control-max-age": String(cors.maxAge) } : {}),
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** API Gateway's `requestContext.time`: `12/Mar/2020:19:03:58 +0000`. */
function formatTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(
    d.getUTCMinutes(),
  )}:${p(d.getUTCSeconds())} +0000`;
}
