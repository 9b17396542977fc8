/** Runs a pool's Lambda triggers. Filled in by the trigger module; the default runs none. */
export interface TriggerEvent {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

export interface TriggerRunner {
  /** Invokes the function configured for `lambdaArn` with `event`; resolves to the returned event. */
  invoke(lambdaArn: string, event: TriggerEvent): Promise<TriggerEvent>;
}

export class TriggerInvocationError extends Error {
  override name = "TriggerInvocationError";
}

export const noTriggers: TriggerRunner = {
  invoke: async (lambdaArn) => {
    throw new TriggerInvocationError(`No function is loaded for ${lambdaArn}`);
  },
};
