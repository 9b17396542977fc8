import type { Clock } from "../clock";
import type { Store } from "../store/store";
import type { TriggerRunner } from "../triggers/runner";

export interface StrictChecks {
  /** Require PKCE at `/oauth2/authorize` from app clients without a secret (Cognito does not). */
  pkce?: boolean;
}

/** What operations may touch: state lives here, never in operation modules. */
export interface Services {
  store: Store;
  clock: Clock;
  region: string;
  accountId: string;
  triggers: TriggerRunner;
  /** Checks stricter than AWS, each opted into (`EMULATOR_STRICT`); none by default. */
  strict?: StrictChecks;
  /** Where the emulator serves its local OpenID providers (`/_idp/<name>`), once it listens. */
  localIdpOrigin?: string;
}
