import { mkdtempSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { serve } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { mountApiGateway } from "./api-gateway";
import { type Clock, systemClock } from "./clock";
import { applyIdentityResources, identityResourcesOf, mountCognitoIdentity } from "./cognito-identity";
import { mountCognitoIdp } from "./cognito-idp/router";
import type { Services, StrictChecks } from "./cognito-idp/services";
import { loadBreachCorpus } from "./cognito-idp/threat/breached-passwords";
import { mountFeedbackLinks } from "./cognito-idp/threat/feedback-route";
import { threatMode } from "./cognito-idp/threat/risk-config";
import { poolJwks } from "./cognito-idp/tokens";
import { mountHostedUi } from "./hosted-ui";
import { LOCAL_IDP_PATH } from "./hosted-ui/federation/accounts";
import { createLocalIdps, type LocalIdps } from "./hosted-ui/federation/stand-ins";
import { mountIamQueryApi } from "./iam/query-api";
import { mountOutbox } from "./outbox/routes";
import { mountS3, s3StoreOf } from "./s3";
import {
  DEFAULT_LAMBDA_DIR,
  type InfraLoadResult,
  type LocalStack,
  loadStack,
  loadUserPools,
  type StackModel,
  type StackReader,
  stackSecretSeed,
  startLocalStack,
} from "./stack";
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
  /** With `infraDir`: where the DynamoDB-compatible store listens (0: any port) and keeps its files. */
  dynamodb?: { port?: number; path?: string };
  /** Where S3 object bytes are kept; default `s3/` next to the store file (a temp dir for `:memory:`). */
  s3Dir?: string;
  /** Checks stricter than AWS (none by default). */
  strict?: StrictChecks;
  /** Serve the local OpenID providers under `/_idp/<name>` (default true). */
  localIdps?: boolean;
  /** How the `cdk.tf.json` files of `infraDir` are found and read (tests count the reads). */
  stackReader?: StackReader;
}

export interface Emulator {
  url: string;
  port: number;
  services: Services;
  /** What was loaded from `infraDir` (pools, clients, functions, unmodelled resources). */
  infra?: InfraLoadResult;
  /** The rest of the stack from `infraDir`: its model, API Gateway, the Lambda runtime, DynamoDB tables, outputs. */
  localStack?: LocalStack;
  close(): Promise<void>;
}

export const ACCOUNT_ID = "123456789012";

/** Builds the HTTP app over a set of services (no listening). */
export function createApp(
  services: Services,
  localStack: () => LocalStack | undefined = () => undefined,
  options: { s3Dir?: string; localIdps?: () => LocalIdps | undefined } = {},
): Hono {
  const app = new Hono();
  // S3 answers bucket CORS itself, so it comes before the app-wide CORS middleware.
  if (options.s3Dir) mountS3(app, services, { dataDir: options.s3Dir });
  // The local OpenID providers are Node request handlers (oidc-provider): they answer on the raw
  // request and response of @hono/node-server.
  app.all(`${LOCAL_IDP_PATH}/*`, (c) => {
    const idps = options.localIdps?.();
    const node = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
    if (!idps || !node?.incoming || !node.outgoing || !idps.handle(node.incoming, node.outgoing)) {
      return c.json({ message: "No local identity provider is served here" }, 404);
    }
    return RESPONSE_ALREADY_SENT;
  });
  const browserCors = cors({
    origin: (origin) => origin,
    credentials: true,
    exposeHeaders: ["x-amzn-RequestId", "x-amzn-ErrorType", "x-amzn-ErrorMessage"],
  });
  // CORS headers only for browsers (requests with an Origin): SDKs, the CLI and servers send none,
  // and touching the response's headers afterwards costs every one of their calls a full Response.
  app.use("*", (c, next) => (c.req.header("origin") ? browserCors(c, next) : next()));
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/:poolId/.well-known/jwks.json", (c) => {
    const poolId = c.req.param("poolId");
    if (!services.store.resources.get("pool", poolId, poolId)) {
      return c.json(
        { __type: "ResourceNotFoundException", message: `User pool ${poolId} does not exist.` },
        404,
      );
    }
    return c.json(poolJwks(services, poolId));
  });
  mountOutbox(app, services.store);
  mountFeedbackLinks(app, services);
  mountIamQueryApi(app, services);
  mountCognitoIdentity(app, services);
  mountCognitoIdp(app, services);
  mountHostedUi(app, services);
  // The stack's outputs under the names `cdktf output` prints, with local endpoints.
  app.get("/_outputs.json", (c) => {
    const stack = localStack();
    if (!stack) return c.json({ message: "No infra is loaded (set EMULATOR_INFRA)" }, 404);
    return c.json(stack.outputs());
  });
  mountApiGateway(app, {
    apis: () => localStack()?.apis ?? [],
    get runtime() {
      const stack = localStack();
      if (!stack) throw new TypeError("API Gateway used without a loaded stack");
      return stack.runtime;
    },
    jwks: (issuer) => {
      const poolId = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+)$/.exec(issuer)?.[1];
      return poolId && services.store.resources.get("pool", poolId, poolId)
        ? poolJwks(services, poolId)
        : undefined;
    },
    clock: services.clock,
    accountId: services.accountId,
  });
  return app;
}

export function createServices(options: EmulatorOptions): Services {
  return {
    store: new Store(options.storePath ?? ":memory:"),
    clock: options.clock ?? systemClock,
    region: options.region ?? "us-east-1",
    accountId: ACCOUNT_ID,
    triggers: options.triggers ?? noTriggers,
    ...(options.strict ? { strict: options.strict } : {}),
  };
}

/** Starts the emulator on `host:port` (127.0.0.1 by default) and resolves once it listens. */
export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const services = createServices(options);
  const s3Dir =
    options.s3Dir ??
    (options.storePath && options.storePath !== ":memory:"
      ? join(dirname(options.storePath), "s3")
      : mkdtempSync(join(tmpdir(), "emulator-s3-")));
  let localStack: LocalStack | undefined;
  let localIdps: LocalIdps | undefined;
  const app = createApp(services, () => localStack, { s3Dir, localIdps: () => localIdps });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  if (options.localIdps !== false) {
    services.localIdpOrigin = url;
    localIdps = createLocalIdps(services, url);
  }
  let infra: InfraLoadResult | undefined;
  if (options.infraDir) {
    try {
      // The stack is read once, resolved against this emulator's origin, and everything is built from it.
      const model = loadStack(
        options.infraDir,
        {
          region: services.region,
          accountId: services.accountId,
          origin: url,
          secretSeed: stackSecretSeed(services.store),
        },
        options.stackReader,
      );
      infra = buildUserPoolSide(services, model, s3Dir);
      localStack = await startLocalStack(model, {
        apiDist: options.lambdaDir ?? DEFAULT_LAMBDA_DIR,
        clock: services.clock,
        ...(options.dynamodb ? { dynamodb: options.dynamodb } : {}),
      });
    } catch (err) {
      server.close();
      services.store.close();
      throw err;
    }
    // Triggers run in the stack's one runtime: with the local endpoints and tables.
    services.triggers = localStack.triggers;
  }
  return {
    url,
    port,
    services,
    ...(infra ? { infra } : {}),
    ...(localStack ? { localStack } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          void localStack?.close();
          services.store.close();
          if (err) reject(err);
          else resolve();
        });
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

/** The user pools, identity pools, roles and buckets of the stack into the store. */
function buildUserPoolSide(services: Services, model: StackModel, s3Dir: string): InfraLoadResult {
  const infra = loadUserPools(services, model);
  // A stack with threat protection gets its breach corpus now, not during its first sign-in.
  if (
    infra.pools.some((p) => {
      const pool = services.store.resources.get("pool", p.id, p.id);
      return pool !== undefined && threatMode(pool) !== "OFF";
    })
  ) {
    loadBreachCorpus();
  }
  // Identity pools, their roles and the buckets: only for a stack that has them.
  if (model.identityPools.length > 0 || model.buckets.length > 0) {
    applyIdentityResources(services, identityResourcesOf(model), s3StoreOf(services, s3Dir));
  }
  return infra;
}
