import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** A Lambda function the emulator can run: the same esbuild bundle that infra deploys. */
export interface LambdaFunctionDefinition {
  name: string;
  /** Folder holding the bundle (`index.js`), i.e. what infra zips. */
  codeDir: string;
  /** `index.handler` (file `index.js`, export `handler`). */
  handler: string;
  environment: Record<string, string>;
  timeoutSeconds: number;
  memoryMb: number;
  arn: string;
  /** Lambda's runtime identifier (`nodejs22.x`); the bundle runs on this machine's Node. */
  runtime?: string;
}

/** The runtime a function without one is labelled with (the stacks' own). */
export const DEFAULT_RUNTIME = "nodejs22.x";

/** The function threw: Lambda's `{errorType, errorMessage}` (a "handled" function error). */
export class LambdaFunctionError extends Error {
  override name = "LambdaFunctionError";
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    readonly errorMessage: string,
  ) {
    super(`${functionName} failed: ${errorType}: ${errorMessage}`);
  }
}

/** The function could not be run at all: missing bundle, bad handler, timeout, crash. */
export class LambdaInvocationError extends Error {
  override name = "LambdaInvocationError";
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const workerScript = join(fileURLToPath(new URL(".", import.meta.url)), "worker.mjs");

/**
 * Runs functions in worker threads, one warm execution environment per function, each with its
 * own `process.env` (the function's environment plus the variables Lambda sets). A timeout
 * terminates the environment, as Lambda does; the next invocation starts a new one (cold start).
 */
export class LambdaRuntime {
  private readonly functions = new Map<string, LambdaFunctionDefinition>();
  private readonly workers = new Map<string, { worker: Worker; pending: Map<number, Pending> }>();
  private nextId = 0;

  constructor(
    private readonly region: string,
    private readonly baseEnvironment: Record<string, string> = {},
  ) {}

  register(fn: LambdaFunctionDefinition): void {
    this.functions.set(fn.name, fn);
    this.functions.set(fn.arn, fn);
  }

  has(nameOrArn: string): boolean {
    return this.functions.has(nameOrArn);
  }

  definition(nameOrArn: string): LambdaFunctionDefinition | undefined {
    return this.functions.get(nameOrArn);
  }

  /** Invokes synchronously (RequestResponse) and resolves to the function's result. */
  async invoke<T = unknown>(nameOrArn: string, event: unknown): Promise<T> {
    const fn = this.functions.get(nameOrArn);
    if (!fn) throw new LambdaInvocationError(`Function not found: ${nameOrArn}`);
    const env = this.environment(fn.name);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        env.pending.delete(id);
        this.stop(fn.name);
        reject(new LambdaInvocationError(`${fn.name} timed out after ${fn.timeoutSeconds} seconds`));
      }, fn.timeoutSeconds * 1000);
      env.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      env.worker.postMessage({ id, event, requestId: randomUUID() });
    });
  }

  private environment(name: string) {
    const existing = this.workers.get(name);
    if (existing) return existing;
    const fn = this.functions.get(name) as LambdaFunctionDefinition;
    const [file, exportName] = splitHandler(fn.handler);
    const bundlePath = join(fn.codeDir, `${file}.js`);
    if (!existsSync(bundlePath)) {
      throw new LambdaInvocationError(
        `${fn.name}: no bundle at ${bundlePath} (run pnpm --filter @repo/api build)`,
      );
    }
    const worker = new Worker(workerScript, {
      env: {
        ...this.baseEnvironment,
        ...fn.environment,
        AWS_REGION: this.region,
        AWS_DEFAULT_REGION: this.region,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
        AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
        AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime ?? DEFAULT_RUNTIME}`,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        // Local credentials for the SDK clients inside the function (local endpoints only).
        AWS_ACCESS_KEY_ID: fn.environment.AWS_ACCESS_KEY_ID ?? "local",
        AWS_SECRET_ACCESS_KEY: fn.environment.AWS_SECRET_ACCESS_KEY ?? "local",
      },
      workerData: {
        bundlePath,
        handlerName: exportName,
        functionName: fn.name,
        functionArn: fn.arn,
        memoryMb: fn.memoryMb,
        timeoutMs: fn.timeoutSeconds * 1000,
      },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const pending = new Map<number, Pending>();
    worker.on(
      "message",
      (msg: {
        id: number;
        ok: boolean;
        result?: unknown;
        error?: { errorType: string; errorMessage: string };
      }) => {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.ok) p.resolve(msg.result);
        else
          p.reject(
            new LambdaFunctionError(fn.name, msg.error?.errorType ?? "Error", msg.error?.errorMessage ?? ""),
          );
      },
    );
    const fail = (err: Error) => {
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new LambdaInvocationError(`${fn.name} crashed: ${err.message}`));
      }
      pending.clear();
      this.workers.delete(name);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
    const env = { worker, pending };
    this.workers.set(name, env);
    return env;
  }

  private stop(name: string): void {
    const env = this.workers.get(name);
    if (!env) return;
    this.workers.delete(name);
    void env.worker.terminate();
  }

  /** Terminates every execution environment. */
  async close(): Promise<void> {
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map((e) => e.worker.terminate()));
  }
}

function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf(".");
  if (dot <= 0) throw new LambdaInvocationError(`Bad handler "${handler}": expected file.export`);
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}
