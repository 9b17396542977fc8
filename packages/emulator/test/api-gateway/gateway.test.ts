import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountApiGateway } from "../../src/api-gateway";
import type { HttpApiDefinition } from "../../src/api-gateway/types";
import { ManualClock } from "../../src/clock";
import { generateSigningKey, jwksOf, signJwt } from "../../src/crypto/jwt";
import { LambdaRuntime } from "../../src/lambda/runtime";

const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_GwTest123";
const key = generateSigningKey();
const stranger = generateSigningKey();
const clock = new ManualClock(new Date("2026-11-27T12:00:00Z"));
const now = () => Math.floor(clock.now().getTime() / 1000);
const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../fixtures/lambda");

const api: HttpApiDefinition = {
  name: "notes-api",
  id: "a1b2c3d4e5",
  authorizers: {
    auth1: {
      name: "cognito",
      identitySource: "$request.header.Authorization",
      issuer: ISSUER,
      audience: ["webclient", "serverclient"],
    },
  },
  cors: {
    allowOrigins: ["http://localhost:3000"],
    allowMethods: ["GET", "POST", "DELETE"],
    allowHeaders: ["authorization", "content-type"],
    exposeHeaders: ["location"],
    allowCredentials: true,
    maxAge: 600,
  },
  routes: [
    {
      routeKey: "GET /notes/{noteId}",
      authorizationType: "JWT",
      authorizerId: "auth1",
      authorizationScopes: ["api/read"],
      functionName: "guarded",
    },
    {
      routeKey: "POST /notes",
      authorizationType: "JWT",
      authorizerId: "auth1",
      authorizationScopes: ["api/write"],
      functionName: "writer",
    },
    { routeKey: "GET /open", authorizationType: "JWT", authorizerId: "auth1", functionName: "open" },
    { routeKey: "GET /public/{proxy+}", authorizationType: "NONE", functionName: "public" },
    { routeKey: "GET /public/special", authorizationType: "NONE", functionName: "special" },
    { routeKey: "GET /boom", authorizationType: "NONE", functionName: "boom" },
  ],
};

let url: string;
let runtime: LambdaRuntime;
let close: () => void;

beforeAll(async () => {
  runtime = new LambdaRuntime("us-east-1");
  for (const name of ["guarded", "writer", "open", "public", "special"]) {
    runtime.register({
      name,
      codeDir: join(fixtures, "echo"),
      handler: "index.handler",
      environment: { GREETING: name },
      timeoutSeconds: 5,
      memoryMb: 128,
      arn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    });
  }
  runtime.register({
    name: "boom",
    codeDir: join(fixtures, "failing"),
    handler: "index.handler",
    environment: {},
    timeoutSeconds: 5,
    memoryMb: 128,
    arn: "arn:aws:lambda:us-east-1:123456789012:function:boom",
  });
  const app = new Hono();
  mountApiGateway(app, {
    apis: () => [api],
    runtime,
    jwks: (issuer) => (issuer === ISSUER ? jwksOf([key]) : undefined),
    clock,
    accountId: "123456789012",
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_api/notes-api`;
  close = () => server.close();
});
afterAll(async () => {
  close();
  await runtime.close();
});

function accessToken(overrides: Record<string, unknown> = {}, signer = key) {
  return signJwt(
    {
      sub: "u-1",
      "cognito:groups": ["users", "admins"],
      iss: ISSUER,
      client_id: "webclient",
      token_use: "access",
      scope: "openid api/read",
      auth_time: now(),
      iat: now(),
      exp: now() + 3600,
      jti: "j-1",
      username: "alice",
      version: 2,
      ...overrides,
    },
    signer,
  );
}

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

describe("local API Gateway: JWT authorizer", () => {
  it.each([
    ["no token", undefined, "the token is missing"],
    [
      "a token signed by another key",
      accessToken({}, { ...stranger, kid: key.kid }),
      "the token's signature is invalid",
    ],
    ["an unknown kid", accessToken({}, stranger), "the token's key id is not in the issuer's keys"],
    ["an expired token", accessToken({ iat: now() - 7200, exp: now() - 3600 }), "the token has expired"],
    [
      "a token of another client",
      accessToken({ client_id: "intruder" }),
      "the token does not have a valid audience",
    ],
    [
      "a token of another issuer",
      accessToken({ iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other" }),
      "the token does not have a valid issuer",
    ],
    ["a token not valid yet", accessToken({ nbf: now() + 600 }), "the token is not valid yet"],
    [
      "an HS256 token",
      `${Buffer.from('{"alg":"HS256","kid":"x"}').toString("base64url")}.e30.c2ln`,
      "signing method HS256 is invalid",
    ],
  ])("answers 401 Unauthorized to %s before the function runs", async (_name, token, description) => {
    const res = await get("/notes/n-1", token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
    expect(res.headers.get("www-authenticate")).toBe(
      `Bearer scope="api/read" error="invalid_token" error_description="${description}"`,
    );
  });

  it("answers 403 Forbidden when the token has none of the route's scopes, before the function runs", async () => {
    const res = await fetch(`${url}/notes`, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken()}` },
      body: "{}",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: "Forbidden" });
  });

  it("then invokes the function once, with API Gateway's payload 2.0 event and string claims", async () => {
    const res = await get("/notes/n%2D1?x=1&x=2", accessToken(), { "x-custom": "v" });
    expect(res.status).toBe(200);
    const out = (await res.json()) as {
      event: Record<string, Record<string, unknown>>;
      greeting: string;
      invocations: number;
    };
    expect(out.invocations).toBe(1); // none of the refused requests above reached it
    expect(out.greeting).toBe("guarded");
    expect(out.event).toMatchObject({
      version: "2.0",
      routeKey: "GET /notes/{noteId}",
      rawPath: "/notes/n%2D1",
      rawQueryString: "x=1&x=2",
      pathParameters: { noteId: "n-1" },
      queryStringParameters: { x: "1,2" },
      isBase64Encoded: false,
      requestContext: {
        apiId: "a1b2c3d4e5",
        stage: "$default",
        http: { method: "GET", path: "/notes/n%2D1" },
        authorizer: {
          jwt: {
            claims: {
              sub: "u-1",
              "cognito:groups": "[users admins]",
              version: "2",
              client_id: "webclient",
              scope: "openid api/read",
            },
            scopes: ["openid", "api/read"],
          },
        },
      },
    });
    expect(out.event.headers?.["x-custom"]).toBe("v");
    expect((out.event.requestContext as { time: string }).time).toBe("27/Nov/2026:12:00:00 +0000");
  });

  it("passes scopes as null for a JWT route without scopes, and accepts an ID token there (aud)", async () => {
    const idToken = signJwt(
      { sub: "u-1", iss: ISSUER, aud: "webclient", token_use: "id", iat: now(), exp: now() + 60 },
      key,
    );
    const res = await get("/open", idToken);
    const out = (await res.json()) as {
      event: { requestContext: { authorizer: { jwt: { scopes: unknown } } } };
    };
    expect(out.event.requestContext.authorizer.jwt.scopes).toBeNull();
  });
});

describe("local API Gateway: routing, CORS, errors", () => {
  it("prefers a literal route over a greedy one", async () => {
    expect(((await (await get("/public/special")).json()) as { greeting: string }).greeting).toBe("special");
    const greedy = (await (await get("/public/a/b")).json()) as {
      greeting: string;
      event: { pathParameters: unknown };
    };
    expect(greedy.greeting).toBe("public");
    expect(greedy.event.pathParameters).toEqual({ proxy: "a/b" });
  });

  it("answers 404 Not Found for an unknown route or API", async () => {
    expect((await get("/nope")).status).toBe(404);
    const res = await fetch(url.replace("notes-api", "other-api"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "Not Found" });
  });

  it("answers a preflight from an allowed origin, and not from another", async () => {
    const ok = await fetch(`${url}/notes`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET,POST,DELETE");
    const bad = await fetch(`${url}/notes`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(bad.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("echoes no other origin on a simple request either, credentials or not", async () => {
    const res = await fetch(`${url}/notes`, { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("answers 500 Internal Server Error when the function throws", async () => {
    const res = await get("/boom");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: "Internal Server Error" });
  });
});
