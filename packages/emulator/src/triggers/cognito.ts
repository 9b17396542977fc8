import { regionOfPool } from "../cognito-idp/pools";
import type { Services } from "../cognito-idp/services";
import { UnexpectedLambdaException, UserLambdaValidationException } from "../errors";
import type { PoolRecord, UserRecord } from "../store/types";
import type { TriggerInput, TriggerName } from "./events";
import { TriggerInvocationError } from "./runner";

/** LambdaConfig keys the emulator runs. */
export type { TriggerName } from "./events";

/** `callerContext.clientId` when an admin call has no app client. */
export const NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

/** The function ARN configured for a trigger, if any (V2 `PreTokenGenerationConfig` wins over V1). */
export function triggerArn(
  pool: PoolRecord,
  name: TriggerName,
): { arn: string; version: string } | undefined {
  const config = pool.LambdaConfig ?? {};
  if (name === "PreTokenGeneration") {
    const v = config.PreTokenGenerationConfig;
    if (v?.LambdaArn)
      return {
        arn: v.LambdaArn,
        version: v.LambdaVersion === "V1_0" ? "1" : v.LambdaVersion === "V3_0" ? "3" : "2",
      };
    return config.PreTokenGeneration ? { arn: config.PreTokenGeneration, version: "1" } : undefined;
  }
  const arn = config[name];
  return typeof arn === "string" && arn ? { arn, version: "1" } : undefined;
}

/** `userAttributes` as triggers see them: all strings, with `cognito:user_status`. */
export function triggerAttributes(user: UserRecord): Record<string, string> {
  return { ...user.attributes, "cognito:user_status": user.status };
}

/**
 * Runs a trigger if the pool has one and returns the `response` the function filled in, or
 * `undefined` when none is configured. A thrown error becomes `UserLambdaValidationException`
 * with Cognito's message (`PreSignUp failed with error <message>.`).
 */
export async function runTrigger<N extends TriggerName>(
  services: Services,
  pool: PoolRecord,
  name: N,
  /**
   * The event's input, or a function that builds it for the trigger's event version (only
   * called when the pool has the trigger).
   */
  eventInput: TriggerInput<N> | ((version: string) => TriggerInput<N>),
): Promise<Record<string, unknown> | undefined> {
  const target = triggerArn(pool, name);
  if (!target) return undefined;
  const input = typeof eventInput === "function" ? eventInput(target.version) : eventInput;
  const event = {
    version: target.version,
    triggerSource: input.triggerSource,
    region: regionOfPool(pool.Id),
    userPoolId: pool.Id,
    userName: input.userName,
    callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: input.clientId },
    request: input.request,
    response: input.response ?? {},
  };
  let result: unknown;
  try {
    result = await services.triggers.invoke(target.arn, event);
  } catch (err) {
    if (err instanceof TriggerInvocationError)
      throw new UnexpectedLambdaException(err.message, { cause: err });
    const message = err instanceof Error ? err.message : String(err);
    throw new UserLambdaValidationException(`${name} failed with error ${message}.`, { cause: err });
  }
  const response =
    typeof result === "object" && result !== null ? (result as { response?: unknown }).response : undefined;
  return typeof response === "object" && response !== null ? (response as Record<string, unknown>) : {};
}
