/**
 * The synthesized stack, read once into one model, and what the emulator builds from it.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { Services } from "../cognito-idp/services";
import { applyCognito, COGNITO_RESOURCE_TYPES, type CognitoLoadResult } from "./cognito";
import type { StackModel } from "./model";

export { applyCognito, COGNITO_RESOURCE_TYPES, type CognitoLoadResult, stackSecretSeed } from "./cognito";
export { StackError } from "./errors";
export { bundleDirResolver, httpApisOf, lambdaFunctionsOf } from "./http-apis";
export { type LocalStack, type LocalStackOptions, startLocalStack } from "./local-stack";
export { type LocalContext, localApiId } from "./local-values";
export {
  type Entry,
  type HttpApiModel,
  loadStack,
  MODELLED_TYPES,
  parseStack,
  type StackModel,
} from "./model";
export {
  fsStackReader,
  parseStackFiles,
  readStackDocument,
  type StackDocument,
  type StackReader,
} from "./reader";
export type { AttributeResolver } from "./references";

/** Where the Lambda bundles infra deploys are built (`apps/api/dist/<name>/index.js`). */
export const DEFAULT_LAMBDA_DIR = fileURLToPath(new URL("../../../../apps/api/dist", import.meta.url));

/** Resource types the user-pool half of the emulator builds: Cognito's and the functions its triggers run. */
const USER_POOL_SIDE = new Set<string>([...COGNITO_RESOURCE_TYPES, "aws_lambda_function"]);

export interface InfraLoadResult extends CognitoLoadResult {
  files: string[];
  functions: string[];
  /** `type.name` of every resource the user-pool side does not build (listed at start, never dropped silently). */
  unmodelled: string[];
}

/** The stack's user pools and what belongs to them into the store, with what the start command prints. */
export function loadUserPools(services: Services, model: StackModel): InfraLoadResult {
  const cognito = applyCognito(services, model);
  return {
    ...cognito,
    files: model.files,
    functions: model.functions.map((f) => f.functionName),
    unmodelled: model.resources
      .filter((r) => !USER_POOL_SIDE.has(r.type))
      .map((r) => r.address)
      .sort(),
  };
}
