import { z } from "zod";

/** Settings of the offline API shim (`pnpm --filter @repo/api dev`). */
const Schema = z.object({
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  API_HOST: z.string().default("127.0.0.1"),
  WEB_ORIGIN: z.string().default("http://localhost:3000"),
  /** Where the in-memory DynamoDB store listens; 0 picks a free port. */
  LOCAL_DYNAMO_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Use an existing DynamoDB endpoint instead of starting one. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  APP_TABLE: z.string().default("app-local"),
});

export type LocalConfig = z.output<typeof Schema>;

export function loadLocalConfig(source: Record<string, string | undefined> = process.env): LocalConfig {
  const parsed = Schema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid local API config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Makes the handlers, which read their environment like Lambda functions, see these values. */
export function exportEnvironment(values: Record<string, string>): void {
  Object.assign(process.env, values);
}
