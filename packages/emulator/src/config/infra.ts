import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Services } from "../cognito-idp/services";
import { LambdaRuntime } from "../lambda/runtime";
import { lambdaTriggerRunner } from "../triggers/lambda-runner";
import { COGNITO_RESOURCE_TYPES, type CognitoLoadResult, loadCognitoFromTerraform } from "./cognito";
import { bundleDirResolver } from "./http-apis";
import { loadTerraform, resolveReferences } from "./terraform";

/** Where the Lambda bundles infra deploys are built (`apps/api/dist/<name>/index.js`). */
export const DEFAULT_LAMBDA_DIR = fileURLToPath(new URL("../../../../apps/api/dist", import.meta.url));

/** Resource types the loader in this module turns into local state. */
const MODELLED = new Set<string>([...COGNITO_RESOURCE_TYPES, "aws_lambda_function"]);

export interface InfraLoadResult extends CognitoLoadResult {
  files: string[];
  functions: string[];
  /** `type.name` of every resource this loader does not model (listed at start, never dropped silently). */
  unmodelled: string[];
  runtime: LambdaRuntime;
}

/**
 * Loads every `cdk.tf.json` under `dir`: user pools and what belongs to them into the store, and
 * the Lambda functions into a runtime that runs the pools' triggers with each function's own
 * environment.
 */
export function loadInfra(services: Services, dir: string, lambdaDir = DEFAULT_LAMBDA_DIR): InfraLoadResult {
  const stack = loadTerraform(dir);
  const cognito = loadCognitoFromTerraform(services, stack);
  const lenient = (type: string, name: string, attr: string) =>
    cognito.resolve(type, name, attr) ?? `\${${type}.${name}.${attr}}`;
  const runtime = new LambdaRuntime(services.region);
  const codeDirFor = bundleDirResolver(lambdaDir);
  const functions: string[] = [];
  for (const raw of Object.values(stack.resources.aws_lambda_function ?? {})) {
    const fn = resolveReferences(raw, lenient);
    const name = String(fn.function_name);
    const env = (fn.environment as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
    runtime.register({
      name,
      codeDir: codeDirFor({ name }),
      handler: String(fn.handler ?? "index.handler"),
      environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
      timeoutSeconds: Number(fn.timeout ?? 3),
      memoryMb: Number(fn.memory_size ?? 128),
      arn: `arn:aws:lambda:${services.region}:${services.accountId}:function:${name}`,
    });
    functions.push(name);
  }
  services.triggers = lambdaTriggerRunner(runtime);
  const unmodelled = Object.entries(stack.resources)
    .filter(([type]) => !MODELLED.has(type))
    .flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`))
    .sort();
  return { ...cognito, files: stack.files, functions, unmodelled, runtime };
}

export const lambdaDirOf = (repoRoot: string): string => join(repoRoot, "apps/api/dist");
