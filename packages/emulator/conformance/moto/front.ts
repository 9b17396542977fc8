/**
 * The server moto's tests talk to: `POST /moto-api/reset` (what moto's `mock_aws` calls before
 * each test in server mode) replaces the emulator with a fresh one over an empty store; every
 * other request is forwarded to the emulator as it is.
 *
 * `POST /moto-api/reset-auth` (moto's `set_initial_no_auth_action_count`) sets after how many
 * calls moto starts authorising them with IAM. The emulator authorises no cognito-idp or
 * cognito-identity call with IAM, so the count is only kept and handed back as moto does; the
 * tests that set it check operations that AWS also serves without IAM credentials.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, type Emulator } from "../../src/server";

export interface Front {
  url: string;
  /** How many times the store was reset. */
  resets(): number;
  close(): Promise<void>;
}

/** An emulator over an empty in-memory store; closing it also removes its S3 folder. */
async function startEmulator(): Promise<Emulator> {
  const s3Dir = mkdtempSync(join(tmpdir(), "moto-front-s3-"));
  const emulator = await createEmulator({ port: 0, storePath: ":memory:", localIdps: false, s3Dir });
  return {
    ...emulator,
    close: async () => {
      await emulator.close();
      rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}

export async function startFront(): Promise<Front> {
  let resets = 0;
  let noAuthActionCount = "inf";
  // Requests that arrive during a reset wait for the new emulator. A reset that failed is answered
  // 500, and so is every call until a later reset succeeds.
  let ready: Promise<Emulator> = startEmulator();
  await ready;
  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/moto-api/reset") {
      req.resume();
      ready = ready.then(
        async (old) => {
          await old.close();
          return startEmulator();
        },
        () => startEmulator(),
      );
      ready = ready.then((fresh) => {
        resets += 1;
        return fresh;
      });
      ready.then(
        () => res.writeHead(200, { "content-type": "application/json" }).end('{"status": "ok"}'),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
      return;
    }
    if (req.method === "POST" && req.url === "/moto-api/reset-auth") {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        const previous = noAuthActionCount;
        noAuthActionCount = body.trim();
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ status: "ok", PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: previous }));
      });
      return;
    }
    ready.then(
      (target) => {
        const upstream = request(
          { host: "127.0.0.1", port: target.port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", (error) => {
          if (!res.headersSent) res.writeHead(502);
          res.end(String(error));
        });
        req.pipe(upstream);
      },
      (error: unknown) => {
        req.resume();
        res.writeHead(500).end(`emulator reset failed: ${String(error)}`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    resets: () => resets,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await (await ready.catch(() => undefined))?.close();
    },
  };
}
