import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SigningKey } from "./keys";

/** A local HTTP server that serves a JWKS, as the emulator does at `/{poolId}/.well-known/jwks.json`. */
export interface JwksServer {
  url: string;
  /** How many times the JWKS was fetched. */
  readonly hits: number;
  /** Replace the keys served (key rotation). */
  setKeys(keys: SigningKey[]): void;
  close(): Promise<void>;
}

export async function startJwksServer(
  keys: SigningKey[],
  path = "/.well-known/jwks.json",
): Promise<JwksServer> {
  let served = keys;
  let hits = 0;
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== path) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not found"}');
      return;
    }
    hits++;
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ keys: served.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    get hits() {
      return hits;
    },
    setKeys(next) {
      served = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
