/** The infra app's environment (`INFRA_STAGES`, `INFRA_TEARDOWN`, bundle and output folders). */
import { z } from "zod";
import { ConfigError, type StageName, stageNames } from "./stage-parts";

type Source = Record<string, string | undefined>;

const stageList = (s: string | undefined, ctx: z.RefinementCtx, fallback: StageName[]): StageName[] => {
  if (!s) return fallback;
  const names = s.split(",").map((n) => n.trim());
  for (const n of names) {
    if (!(stageNames as readonly string[]).includes(n)) {
      ctx.addIssue({ code: "custom", message: `unknown stage ${n} (known: ${stageNames.join(", ")})` });
    }
  }
  return names as StageName[];
};

const AppEnvSchema = z.object({
  /** Comma-separated stages to synthesize; default all. */
  INFRA_STAGES: z
    .string()
    .optional()
    .transform((s, ctx) => stageList(s, ctx, [...stageNames])),
  /** Comma-separated stages synthesized with every protection off, for a deliberate destroy. */
  INFRA_TEARDOWN: z
    .string()
    .optional()
    .transform((s, ctx) => stageList(s, ctx, [])),
  /** Where apps/api's esbuild bundles are (`<dir>/<function>/index.js`). */
  API_DIST_DIR: z.string().min(1).optional(),
  /** Set by the cdktf CLI; `cdktf.out` otherwise. */
  CDKTF_OUTDIR: z.string().min(1).optional(),
  /**
   * Offline rehearsal through the cdktf CLI: the `local` stage against moto at this URL (loopback
   * only), without the resources moto cannot serve, with its own state file.
   */
  INFRA_REHEARSAL_ENDPOINT: z
    .url()
    .refine((u) => ["127.0.0.1", "localhost"].includes(new URL(u).hostname), "a loopback URL")
    .optional(),
});

/** apps/api's `dist/`, next to this package in the monorepo. */
export const defaultApiDistDir = new URL("../../../apps/api/dist", import.meta.url).pathname;

export interface AppEnv {
  stages: StageName[];
  /** Stages to synthesize with their protections off (`INFRA_TEARDOWN`). */
  teardown: StageName[];
  apiDistDir: string;
  outdir: string;
  rehearsalEndpoint: string | undefined;
}

/** The app's environment from `source` (`loadAppEnv` in `config.ts` reads it); throws {@link ConfigError}. */
export function parseAppEnv(source: Source): AppEnv {
  const parsed = AppEnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid infra environment:\n${z.prettifyError(parsed.error)}`);
  return {
    stages: parsed.data.INFRA_STAGES,
    teardown: parsed.data.INFRA_TEARDOWN,
    apiDistDir: parsed.data.API_DIST_DIR ?? defaultApiDistDir,
    outdir: parsed.data.CDKTF_OUTDIR ?? new URL("../cdktf.out", import.meta.url).pathname,
    rehearsalEndpoint: parsed.data.INFRA_REHEARSAL_ENDPOINT,
  };
}
