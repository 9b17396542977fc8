import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "./http-request";

let server: Server;
let base: string;
const seen: { method?: string; headers: IncomingMessage["headers"]; body: string; socket: number }[] = [];
const sockets = new WeakMap<object, number>();
let nextSocket = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, nextSocket++);
      seen.push({ method: req.method, headers: req.headers, body, socket: sockets.get(req.socket) ?? -1 });
      if (req.url === "/never") return; // answers nothing: the caller's timeout ends it
      res.writeHead(req.url === "/missing" ? 404 : 200, {
        "content-type": "application/json",
        "www-authenticate": 'Bearer realm="api"',
      });
      res.end(JSON.stringify({ path: req.url, sé: "ü" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("httpRequest", () => {
  it("sends the method, headers and body, and reads status, headers and UTF-8 text", async () => {
    const res = await httpRequest(new URL(`${base}/notes?limit=2`), {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ title: "é" }),
      timeoutMs: 2000,
    });

    expect(res.status).toBe(200);
    expect(res.header("WWW-Authenticate")).toBe('Bearer realm="api"');
    expect(JSON.parse(res.text)).toEqual({ path: "/notes?limit=2", sé: "ü" });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: "POST", body: '{"title":"é"}' });
    expect(request?.headers).toMatchObject({ authorization: "Bearer t", "content-length": "14" });
  });

  it("answers error statuses as they are, without throwing", async () => {
    const res = await httpRequest(new URL(`${base}/missing`), { timeoutMs: 2000 });
    expect(res.status).toBe(404);
  });

  it("keeps the connection alive between sequential requests", async () => {
    await httpRequest(new URL(`${base}/a`), { timeoutMs: 2000 });
    await httpRequest(new URL(`${base}/b`), { timeoutMs: 2000 });
    const [a, b] = seen.slice(-2);
    expect(a?.socket).toBe(b?.socket);
  });

  it("rejects when the server does not answer in time, or cannot be reached", async () => {
    await expect(httpRequest(new URL(`${base}/never`), { timeoutMs: 50 })).rejects.toThrow();
    await expect(httpRequest(new URL("http://127.0.0.1:9/"), { timeoutMs: 2000 })).rejects.toThrow();
  });

  it("refuses a protocol other than http and https", async () => {
    await expect(httpRequest(new URL("file:///etc/hosts"), { timeoutMs: 2000 })).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});
