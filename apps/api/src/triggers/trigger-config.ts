import { loadTriggerConfig, type TriggerConfig } from "../config";

let cached: TriggerConfig | undefined;

/** The trigger config, parsed once per cold start on first use. */
export function triggerConfig(): TriggerConfig {
  cached ??= loadTriggerConfig();
  return cached;
}
