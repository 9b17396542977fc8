import type { AddressInfo } from "node:net";
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import {
  AdminInitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll } from "vitest";
import { ManualClock } from "../../src/clock";
import { mountCognitoIdentity } from "../../src/cognito-identity";
import { createEmulator, type Emulator } from "../../src/server";
import { sdkClient } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

export interface IdentityTestContext {
  emulator: Emulator;
  /** The origin serving cognito-identity (and S3 when mounted) over the emulator's services. */
  url: string;
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
  clock: ManualClock;
}

type Mount = (app: Hono, emulator: Emulator) => void;

/**
 * `createEmulator({ port: 0 })` for the user pools, and the identity service (plus whatever `mount`
 * adds, e.g. S3) on a second listener over the same services and store, mounted the way
 * `createApp` is to mount them.
 */
export function useIdentityEmulator(mount: Mount = () => {}): IdentityTestContext {
  const ctx = {} as IdentityTestContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ctx.clock = new ManualClock(Date.now());
    ctx.emulator = await createEmulator({ port: 0, storePath: ":memory:", clock: ctx.clock });
    const app = new Hono();
    mount(app, ctx.emulator);
    mountCognitoIdentity(app, ctx.emulator.services);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    ctx.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
    ctx.idp = sdkClient(ctx.emulator.url);
    ctx.identity = new CognitoIdentityClient({
      endpoint: ctx.url,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    ctx.identity?.destroy();
    ctx.idp?.destroy();
    await close?.();
    await ctx.emulator?.close();
  });
  return ctx;
}

export interface UserPoolFixture {
  poolId: string;
  clientId: string;
  provider: string;
  signIn(username: string): Promise<string>;
  createUser(username: string): Promise<string>;
}

/** A user pool with one app client; `createUser` makes a confirmed user and returns its ID token. */
export async function userPool(idp: CognitoIdentityProviderClient): Promise<UserPoolFixture> {
  const poolId = await createPool(idp);
  const { clientId } = await createClient(idp, poolId);
  const signIn = async (username: string) => {
    const r = await idp.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    return r.AuthenticationResult?.IdToken ?? "";
  };
  return {
    poolId,
    clientId,
    provider: `cognito-idp.us-east-1.amazonaws.com/${poolId}`,
    signIn,
    createUser: async (username: string) => {
      await createConfirmedUser(idp, poolId, username);
      return signIn(username);
    },
  };
}
