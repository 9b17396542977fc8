import { startTestPool, type TestPool } from "@repo/auth-shared/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureAppTable, type LocalDynamo, startLocalDynamo } from "../src/local/dynamo";
import { type LocalApi, startLocalApi } from "../src/local/server";
import { routeEnv } from "./support/env";

const TABLE = "app-local-api";
let pool: TestPool;
let dynamo: LocalDynamo;
let api: LocalApi;

beforeAll(async () => {
  pool = await startTestPool();
  dynamo = await startLocalDynamo();
  await ensureAppTable(dynamo.endpoint, TABLE);
  for (const [k, v] of Object.entries(routeEnv(pool, dynamo.endpoint, TABLE))) vi.stubEnv(k, v);
  api = await startLocalApi({ corsOrigins: ["http://localhost:3000"] });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await api.close();
  await dynamo.close();
  await pool.close();
});

describe("local API shim", () => {
  it("routes a request with path parameters to its handler as a payload 2.0 event", async () => {
    const token = pool.accessToken(
      { sub: "44444444-4444-4444-8444-444444444444" },
      { scope: "api/read api/write" },
    );
    const auth = { authorization: `Bearer ${token}` };
    const created = await fetch(`${api.url}/notes`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ title: "from fetch" }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await fetch(`${api.url}/notes/${id}`, { headers: auth });
    expect(await read.json()).toMatchObject({ id, title: "from fetch" });
    const del = await fetch(`${api.url}/notes/${id}`, { method: "DELETE", headers: auth });
    expect(del.status).toBe(204);
  });

  it("answers 401 with the challenge header to a request without a token", async () => {
    const res = await fetch(`${api.url}/me`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="api"');
  });

  it("answers API Gateway's 404 for an unknown route or method", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["PUT", "/notes"],
    ] as const) {
      const res = await fetch(`${api.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: "Not Found" });
    }
  });

  it("answers a CORS preflight from the web origin, and only from it", async () => {
    const ok = await fetch(`${api.url}/notes`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const other = await fetch(`${api.url}/notes`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
