import { LambdaFunctionError, LambdaInvocationError, type LambdaRuntime } from "../lambda/runtime";
import { TriggerInvocationError, type TriggerRunner } from "./runner";

/**
 * Runs triggers as Lambda functions in the emulator's runtime: an error the function throws comes
 * back as a plain Error with its message (Cognito's `UserLambdaValidationException`), a function
 * that cannot run at all as `TriggerInvocationError` (`UnexpectedLambdaException`).
 */
export function lambdaTriggerRunner(runtime: LambdaRuntime): TriggerRunner {
  return {
    invoke: async (arn, event) => {
      try {
        return await runtime.invoke(arn, event);
      } catch (err) {
        if (err instanceof LambdaFunctionError) throw new Error(err.errorMessage, { cause: err });
        if (err instanceof LambdaInvocationError) throw new TriggerInvocationError(err.message);
        throw err;
      }
    },
  };
}
