import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { type Route, routeKey, routes } from "../routes";
import { routeModules } from "./handlers";

/**
 * The offline HTTP shim: serves `routes.ts` on 127.0.0.1 by turning each request into an API
 * Gateway payload 2.0 event and calling the route's handler in-process. It does what API Gateway
 * does around a Lambda (routing, path parameters, CORS, 404/413 answers); the handlers verify the
 * bearer token themselves. (The emulator's gateway adds the JWT authorizer in front.)
 */
export interface LocalApiOptions {
  port?: number;
  host?: string;
  /** Origins allowed by CORS (the web app). */
  corsOrigins?: string[];
}

export interface LocalApi {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 6 * 1024 * 1024; // Lambda's synchronous payload limit

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
}

function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1]) {
        params.push(param[1]);
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}$`), params };
}

const compiled = routes.map(compile);

export async function startLocalApi(opts: LocalApiOptions = {}): Promise<LocalApi> {
  const cors = new Set(opts.corsOrigins ?? []);
  const server: Server = createServer((req, res) => {
    handle(req, res, cors).catch((err: unknown) => {
      console.error(JSON.stringify({ level: "error", msg: "local api failure", error: String(err) }));
      if (!res.headersSent)
        send(res, { statusCode: 500, body: JSON.stringify({ message: "Internal Server Error" }) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, cors: Set<string>): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const method = (req.method ?? "GET").toUpperCase();
  const origin = req.headers.origin;
  const corsHeaders: Record<string, string> =
    origin && cors.has(origin)
      ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" }
      : {};

  if (method === "OPTIONS" && origin) {
    if (!cors.has(origin)) return send(res, { statusCode: 204 });
    return send(res, {
      statusCode: 204,
      headers: {
        ...corsHeaders,
        "access-control-allow-methods": "GET,POST,PUT,PATCH,DELETE",
        "access-control-allow-headers": "authorization,content-type",
        "access-control-max-age": "600",
      },
    });
  }

  const match = findRoute(method, url.pathname);
  if (!match)
    return send(res, {
      statusCode: 404,
      headers: corsHeaders,
      body: JSON.stringify({ message: "Not Found" }),
    });

  const body = await readBody(req);
  if (body === "too-large") {
    return send(res, {
      statusCode: 413,
      headers: corsHeaders,
      body: JSON.stringify({ message: "Request Entity Too Large" }),
    });
  }
  const event = toEvent(req, url, match, body);
  const { handler } = await routeModules[match.route.handler]();
  const result = await handler(event);
  send(res, { ...result, headers: { ...(result.headers as Record<string, string>), ...corsHeaders } });
}

function findRoute(
  method: string,
  path: string,
): { route: Route; pathParameters: Record<string, string> } | undefined {
  for (const { route, pattern, params } of compiled) {
    if (route.method !== method) continue;
    const m = pattern.exec(path);
    if (!m) continue;
    const pathParameters: Record<string, string> = {};
    params.forEach((name, i) => {
      pathParameters[name] = decodeURIComponent(m[i + 1] ?? "");
    });
    return { route, pathParameters };
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.destroy();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Builds the payload 2.0 event as API Gateway does: lower-cased headers, joined duplicates. */
function toEvent(
  req: IncomingMessage,
  url: URL,
  match: { route: Route; pathParameters: Record<string, string> },
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === "cookie") cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(",");
  const now = new Date();
  const key = routeKey(match.route);
  const text = body.length > 0 ? body.toString("utf8") : undefined;
  const isText = text !== undefined && Buffer.from(text, "utf8").equals(body);
  return {
    version: "2.0",
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "local",
      http: {
        method: match.route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: isText ? text : body.toString("base64") } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers = { ...(result.headers as Record<string, string> | undefined) };
  res.writeHead(result.statusCode ?? 200, headers);
  const body = result.body ?? "";
  res.end(result.isBase64Encoded ? Buffer.from(body, "base64") : body);
}
