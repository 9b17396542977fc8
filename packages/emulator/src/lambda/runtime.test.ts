import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  type LambdaFunctionDefinition,
  LambdaFunctionError,
  LambdaInvocationError,
  LambdaRuntime,
} from "./runtime";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../test/fixtures/lambda");

function fn(
  name: string,
  dir: string,
  env: Record<string, string> = {},
  timeoutSeconds = 5,
): LambdaFunctionDefinition {
  return {
    name,
    codeDir: join(fixtures, dir),
    handler: "index.handler",
    environment: env,
    timeoutSeconds,
    memoryMb: 128,
    arn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
  };
}

let runtime: LambdaRuntime;
afterEach(() => runtime.close());

describe("LambdaRuntime", () => {
  it("runs a bundle with its own environment, by name or ARN, and keeps it warm", async () => {
    runtime = new LambdaRuntime("us-east-1");
    runtime.register(fn("echo-a", "echo", { GREETING: "hello" }));
    runtime.register(fn("echo-b", "echo", { SECRET: "b-only" }));
    const first = await runtime.invoke<Record<string, unknown>>("echo-a", { n: 1 });
    expect(first).toMatchObject({
      event: { n: 1 },
      greeting: "hello",
      functionName: "echo-a",
      remaining: true,
      invocations: 1,
    });
    expect(first.otherFunctionSecret).toBeUndefined();
    const second = await runtime.invoke<Record<string, unknown>>(
      "arn:aws:lambda:us-east-1:123456789012:function:echo-a",
      {},
    );
    expect(second.invocations).toBe(2);
    const other = await runtime.invoke<Record<string, unknown>>("echo-b", {});
    expect(other).toMatchObject({ otherFunctionSecret: "b-only", invocations: 1 });
    expect(other.greeting).toBeUndefined();
  });

  it("labels the environment with the function's runtime (nodejs22.x when the stack names none)", async () => {
    runtime = new LambdaRuntime("us-east-1");
    runtime.register({ ...fn("echo-20", "echo"), runtime: "nodejs20.x" });
    runtime.register(fn("echo-default", "echo"));
    expect(await runtime.invoke("echo-20", {})).toMatchObject({ executionEnv: "AWS_Lambda_nodejs20.x" });
    expect(await runtime.invoke("echo-default", {})).toMatchObject({ executionEnv: "AWS_Lambda_nodejs22.x" });
  });

  it("reports a thrown error with its type and message", async () => {
    runtime = new LambdaRuntime("us-east-1");
    runtime.register(fn("failing", "failing"));
    const err = await runtime.invoke("failing", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LambdaFunctionError);
    expect(err).toMatchObject({ errorType: "RefusedError", errorMessage: "nope" });
  });

  it("times out a slow invocation and starts a fresh environment for the next one", async () => {
    runtime = new LambdaRuntime("us-east-1");
    runtime.register(fn("slow", "echo", {}, 1));
    const err = await runtime.invoke("slow", { sleepMs: 3000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LambdaInvocationError);
    expect((err as Error).message).toBe("slow timed out after 1 seconds");
    await expect(runtime.invoke("slow", {})).resolves.toMatchObject({ invocations: 1 });
  });

  it("refuses an unknown function and a missing bundle", async () => {
    runtime = new LambdaRuntime("us-east-1");
    await expect(runtime.invoke("nope", {})).rejects.toThrow("Function not found: nope");
    runtime.register({ ...fn("ghost", "echo"), codeDir: join(fixtures, "missing") });
    await expect(runtime.invoke("ghost", {})).rejects.toThrow(/no bundle at/);
  });
});
