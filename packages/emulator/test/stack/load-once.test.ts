import { fileURLToPath } from "node:url";
import { SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LambdaRuntime } from "../../src/lambda/runtime";
import { createEmulator, type Emulator } from "../../src/server";
import { fsStackReader, type StackReader } from "../../src/stack";
import { errorOf, sdkClient } from "../support/emulator";

// Every LambdaRuntime the emulator creates, counted by a subclass standing in for the real one.
const created = vi.hoisted(() => ({ runtimes: [] as unknown[] }));
vi.mock("../../src/lambda/runtime", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/lambda/runtime")>();
  class CountedRuntime extends real.LambdaRuntime {
    constructor(...args: ConstructorParameters<typeof real.LambdaRuntime>) {
      super(...args);
      created.runtimes.push(this);
    }
  }
  return { ...real, LambdaRuntime: CountedRuntime };
});

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

describe("a started stack: its files read once, one Lambda runtime", () => {
  const reads: string[] = [];
  const reader: StackReader = {
    findFiles: (dir) => fsStackReader.findFiles(dir),
    readFile: (file) => {
      reads.push(file);
      return fsStackReader.readFile(file);
    },
  };
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      port: 0,
      storePath: ":memory:",
      infraDir: `${fixtures}infra`,
      lambdaDir: `${fixtures}triggers`,
      stackReader: reader,
    });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("reads each cdk.tf.json once for the pools, identity resources, gateway, functions and outputs", async () => {
    expect(reads).toEqual([`${fixtures}infra/stacks/local/cdk.tf.json`]);
    expect(emulator.infra?.files).toEqual(reads);
    const outputs = (await (await fetch(`${emulator.url}/_outputs.json`)).json()) as Record<string, string>;
    expect(outputs.user_pool_id).toBe(emulator.infra?.pools[0]?.id);
    expect(reads).toHaveLength(1);
  });

  it("creates one runtime, which both the triggers and the gateway use", async () => {
    expect(created.runtimes).toHaveLength(1);
    const runtime = emulator.localStack?.runtime as LambdaRuntime;
    expect(created.runtimes[0]).toBe(runtime);
    expect(runtime.has("arn:aws:lambda:us-east-1:123456789012:function:fixture-pre-sign-up")).toBe(true);
    // A trigger runs through it: PreSignUp refuses this domain.
    const client = sdkClient(emulator.url);
    const cli = emulator.infra?.clients.find((c) => c.name === "fixture-cli")?.id;
    const err = await errorOf(
      client.send(
        new SignUpCommand({ ClientId: cli, Username: "x@blocked.example", Password: "Fixture-Pass1" }),
      ),
    );
    client.destroy();
    expect(err).toMatchObject({ name: "UserLambdaValidationException" });
    expect(created.runtimes).toHaveLength(1);
  });
});
