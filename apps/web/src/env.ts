import { z } from "zod";

/**
 * The web app's server-side configuration, the only reader of `process.env` in apps/web.
 * Parsed once when the module loads, so a bad environment fails the build and the server start.
 */
const Schema = z.object({
  /** Base URL of the HTTP API (API Gateway, or the local shim/gateway). */
  API_URL: z.url().default("http://127.0.0.1:3001"),
  /** The public URL of this site (next-auth's NEXTAUTH_URL). */
  SITE_URL: z.url().default("http://localhost:3000"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type WebEnv = z.output<typeof Schema>;

export function parseEnv(source: Record<string, string | undefined>): WebEnv {
  const parsed = Schema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid web environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const env = parseEnv(process.env);
