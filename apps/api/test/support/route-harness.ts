/**
 * The route tests' shared setup: a signing test pool, a local DynamoDB with the app table, the
 * route handlers imported with the environment pointing at both, and the callers they sign for.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { startTestPool, type TestPool } from "@repo/auth-shared/testing";
import { afterAll, beforeAll, vi } from "vitest";
import { routeEnv } from "./env";
import { ensureAppTable, type LocalDynamo, startLocalDynamo } from "./local-dynamo";

export const TABLE = "app-test";

export const alice = { sub: "11111111-1111-4111-8111-111111111111", username: "alice", groups: ["users"] };
export const bob = { sub: "22222222-2222-4222-8222-222222222222", username: "bob", groups: ["users"] };
export const rw = { scope: "openid email api/read api/write" };

const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export interface RouteHandlers {
  getMe: typeof import("../../src/handlers/get-me").handler;
  deleteMe: typeof import("../../src/handlers/delete-me").handler;
  getDashboard: typeof import("../../src/handlers/get-dashboard").handler;
  listNotes: typeof import("../../src/handlers/list-notes").handler;
  createNote: typeof import("../../src/handlers/create-note").handler;
  getNote: typeof import("../../src/handlers/get-note").handler;
  deleteNote: typeof import("../../src/handlers/delete-note").handler;
  health: typeof import("../../src/handlers/get-service-health").handler;
}

export interface RouteHarness {
  pool: TestPool;
  dynamo: LocalDynamo;
  handlers: RouteHandlers;
  /** A client of the test's app table, for arranging and checking data behind the handlers' backs. */
  appTableClient(): DynamoDBDocumentClient;
}

/** Starts the harness before the file's tests and stops it after them. */
export function routeHarness(): RouteHarness {
  const h = {
    appTableClient: () =>
      DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: h.dynamo.endpoint,
          region: "us-east-1",
          credentials: localCredentials,
        }),
      ),
  } as RouteHarness;
  beforeAll(async () => {
    h.pool = await startTestPool();
    h.dynamo = await startLocalDynamo();
    await ensureAppTable(h.dynamo.endpoint, TABLE);
    for (const [k, v] of Object.entries(routeEnv(h.pool, h.dynamo.endpoint, TABLE))) vi.stubEnv(k, v);
    h.handlers = {
      getMe: (await import("../../src/handlers/get-me")).handler,
      deleteMe: (await import("../../src/handlers/delete-me")).handler,
      getDashboard: (await import("../../src/handlers/get-dashboard")).handler,
      listNotes: (await import("../../src/handlers/list-notes")).handler,
      createNote: (await import("../../src/handlers/create-note")).handler,
      getNote: (await import("../../src/handlers/get-note")).handler,
      deleteNote: (await import("../../src/handlers/delete-note")).handler,
      health: (await import("../../src/handlers/get-service-health")).handler,
    };
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await h.pool?.close();
    await h.dynamo?.close();
  });
  return h;
}
