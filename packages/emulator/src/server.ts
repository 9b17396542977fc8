import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { type Clock, systemClock } from "./clock";
import { mountCognitoIdp } from "./cognito-idp/router";
import type { Services } from "./cognito-idp/services";
import { poolJwks } from "./cognito-idp/tokens";
import { type InfraLoadResult, loadInfra } from "./config/infra";
import { mountHostedUi } from "./hosted-ui";
import { mountOutbox } from "./outbox/routes";
import { Store } from "./store/store";
import { noTriggers, type TriggerRunner } from "./triggers/runner";

export interface EmulatorOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** SQLite file, or `:memory:`. */
  storePath?: string;
  /** A folder with synthesized Terraform (`**\/cdk.tf.json`) to load at start. */
  infraDir?: string;
  /** Folder of the Lambda bundles (`<name>/index.js`) the infra's functions run; default `apps/api/dist`. */
  lambdaDir?: string;
  clock?: Clock;
  region?: string;
  triggers?: TriggerRunner;
}

export interface Emulator {
  url: string;
  port: number;
  services: Services;
  /** What was loaded from `infraDir` (pools, clients, functions, unmodelled resources). */
  infra?: InfraLoadResult;
  close(): Promise<void>;
}

export const ACCOUNT_ID = "123456789012";

/** Builds the HTTP app over a set of services (no listening). */
export function createApp(services: Services): Hono {
  const app = new Hono();
  app.use(
    "*",
    cors({
      origin: (origin) => origin,
      credentials: true,
      exposeHeaders: ["x-amzn-RequestId", "x-amzn-ErrorType", "x-amzn-ErrorMessage"],
    }),
  );
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/:poolId/.well-known/jwks.json", (c) => {
    const poolId = c.req.param("poolId");
    if (!services.store.getResource("pool", poolId, poolId)) {
      return c.json(
        { __type: "ResourceNotFoundException", message: `User pool ${poolId} does not exist.` },
        404,
      );
    }
    return c.json(poolJwks(services, poolId));
  });
  mountOutbox(app, services.store);
  mountCognitoIdp(app, services);
  mountHostedUi(app, services);
  return app;
}

export function createServices(options: EmulatorOptions): Services {
  return {
    store: new Store(options.storePath ?? ":memory:"),
    clock: options.clock ?? systemClock,
    region: options.region ?? "us-east-1",
    accountId: ACCOUNT_ID,
    triggers: options.triggers ?? noTriggers,
  };
}

/** Starts the emulator on `host:port` (127.0.0.1 by default) and resolves once it listens. */
export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const services = createServices(options);
  const infra = options.infraDir ? loadInfra(services, options.infraDir, options.lambdaDir) : undefined;
  const app = createApp(services);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    ...(infra ? { infra } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          void infra?.runtime.close();
          services.store.close();
          if (err) reject(err);
          else resolve();
        });
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
