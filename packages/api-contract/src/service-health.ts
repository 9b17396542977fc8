import { z } from "zod";

/** `GET /service/health` (client_credentials): 200 when every check is ok, 503 otherwise. */
export const ServiceHealthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  /** The client ID of the calling machine. */
  client: z.string(),
  checks: z.object({ table: z.enum(["ok", "unavailable"]) }),
  latencyMs: z.number().int().nonnegative(),
});
export type ServiceHealthResponse = z.output<typeof ServiceHealthResponse>;
