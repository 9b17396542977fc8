/** What the moto run reads from its environment, checked once. */
import { z } from "zod";
import { DEFAULT_MOTO_CHECKOUT, MOTO_REF } from "./extract";

const Env = z.object({
  MOTO_CHECKOUT: z.string().min(1).default(DEFAULT_MOTO_CHECKOUT),
  MOTO_REF: z.string().min(1).default(MOTO_REF),
  HEAVY_LOCK_HELD: z.string().optional(),
});

export interface MotoRunConfig {
  /** A moto git checkout (bare or with a work tree) holding the tag `ref`. */
  checkout: string;
  ref: string;
  /** A caller already holds the machine's heavy-job lock, so the run does not take it again. */
  lockHeld: boolean;
  /** The environment pytest starts from, less what would point it at real AWS. */
  baseEnv: NodeJS.ProcessEnv;
}

export function motoRunConfig(env: NodeJS.ProcessEnv = process.env): MotoRunConfig {
  const parsed = Env.parse(env);
  const baseEnv = { ...env };
  for (const name of ["AWS_SESSION_TOKEN", "AWS_PROFILE", "MOTO_TEST_ALLOW_AWS_REQUEST"])
    delete baseEnv[name];
  return {
    checkout: parsed.MOTO_CHECKOUT,
    ref: parsed.MOTO_REF,
    lockHeld: Boolean(parsed.HEAVY_LOCK_HELD),
    baseEnv,
  };
}
