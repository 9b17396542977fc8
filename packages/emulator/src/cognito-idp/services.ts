import type { Clock } from "../clock";
import type { Store } from "../store/store";
import type { TriggerRunner } from "../triggers/runner";

/** What operations may touch: state lives here, never in operation modules. */
export interface Services {
  store: Store;
  clock: Clock;
  region: string;
  accountId: string;
  triggers: TriggerRunner;
  /** Where the emulator serves its local OpenID providers (`/_idp/<name>`), once it listens. */
  localIdpOrigin?: string;
}
