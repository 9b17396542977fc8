import "server-only";
import http from "node:http";
import https from "node:https";

/**
 * Server-to-server HTTP with Node's own client over kept-alive connections: the site calls the
 * API on every page that shows data, and Node's `http` agent is lighter per request than `fetch`
 * (its WHATWG streams and Next.js's fetch instrumentation, which a `no-store` call never uses).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  header(name: string): string | undefined;
  /** The body as text (UTF-8). */
  text: string;
}

/** Sends a request and reads the whole response; rejects on network failure or timeout. */
export function httpRequest(url: URL, req: HttpRequest): Promise<HttpResponse> {
  const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : undefined;
  if (!client) return Promise.reject(new TypeError(`Unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
    const outgoing = client.request(
      url,
      {
        method: req.method ?? "GET",
        headers,
        agent: agents[url.protocol as keyof typeof agents],
        signal: AbortSignal.timeout(req.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            header: (name) => {
              const value = res.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(", ") : value;
            },
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}
