import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountCognitoIdentity } from "../../src/cognito-identity";
import { mountS3 } from "../../src/s3";
import { createApp, createServices } from "../../src/server";
import { sdkClient } from "../support/emulator";

describe("one origin: identity pools and S3 mounted ahead of createApp's routes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "emulator-wiring-"));
  const services = createServices({ port: 0, storePath: ":memory:" });
  let url = "";
  let server: ReturnType<typeof serve>;
  beforeAll(async () => {
    const app = new Hono();
    mountS3(app, services, { dataDir });
    mountCognitoIdentity(app, services);
    app.route("/", createApp(services));
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    services.store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers cognito-identity targets and leaves cognito-idp targets to the user-pool API", async () => {
    const identity = new CognitoIdentityClient({
      endpoint: url,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const idp = sdkClient(url);
    expect((await identity.send(new ListIdentityPoolsCommand({ MaxResults: 10 }))).IdentityPools).toEqual([]);
    expect((await idp.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toEqual([]);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const s3 = await fetch(`${url}/_s3/some-bucket/key`);
    expect(s3.status).toBe(403);
    identity.destroy();
    idp.destroy();
  });
});
