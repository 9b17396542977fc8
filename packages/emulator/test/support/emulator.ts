import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll } from "vitest";
import { ManualClock } from "../../src/clock";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/server";

export interface TestContext {
  emulator: Emulator;
  client: CognitoIdentityProviderClient;
  clock: ManualClock;
}

/** One in-process emulator per test file (port 0, `:memory:` store), with a real SDK client pointed at it. */
export function useEmulator(options: Partial<EmulatorOptions> = {}): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.clock = new ManualClock(Date.now());
    ctx.emulator = await createEmulator({ port: 0, storePath: ":memory:", clock: ctx.clock, ...options });
    ctx.client = sdkClient(ctx.emulator.url);
  });
  afterAll(async () => {
    ctx.client?.destroy();
    await ctx.emulator?.close();
  });
  return ctx;
}

export function sdkClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}

/** Resolves to the error a promise rejects with (fails the test if it resolves). */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { name: string; message: string };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
