import { z } from "zod";
import { type OutputName, outputNames } from "./stacks/app-stack";

/**
 * Turns a stage's stack outputs into the env files of apps/web and apps/api, so both apps are
 * configured the same way against AWS as against the local stack.
 */

/** `terraform output -json`: `{ name: { value, sensitive, type } }`. */
const TerraformOutputsSchema = z.record(z.string(), z.object({ value: z.unknown(), sensitive: z.boolean() }));
/** `cdktf deploy --outputs-file`: `{ <stack>: { name: value } }`. */
const CdktfOutputsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export type StackOutputs = Record<OutputName, string>;

export class OutputsError extends Error {
  override name = "OutputsError";
}

/** Reads either output format; every output the apps need must be there and be a string. */
export function parseOutputs(json: unknown, stack?: string): StackOutputs {
  let flat: Record<string, unknown>;
  const tf = TerraformOutputsSchema.safeParse(json);
  if (tf.success && Object.keys(tf.data).length > 0) {
    flat = Object.fromEntries(Object.entries(tf.data).map(([k, v]) => [k, v.value]));
  } else {
    const cdktf = CdktfOutputsSchema.safeParse(json);
    if (!cdktf.success) throw new OutputsError("Not `terraform output -json` nor a cdktf outputs file");
    const stacks = Object.keys(cdktf.data);
    const name = stack ?? (stacks.length === 1 ? stacks[0] : undefined);
    if (!name || !cdktf.data[name]) throw new OutputsError(`Pick a stack: ${stacks.join(", ")}`);
    flat = cdktf.data[name];
  }
  const missing = outputNames.filter((n) => typeof flat[n] !== "string" || flat[n] === "");
  if (missing.length > 0) throw new OutputsError(`Missing outputs: ${missing.join(", ")}`);
  return Object.fromEntries(outputNames.map((n) => [n, flat[n] as string])) as StackOutputs;
}

/**
 * The variables of apps/web (`src/env.ts`) and apps/api (`src/config.ts`) for a deployed stage.
 * `AUTH_SECRET` is not an output: generate it once per stage and keep it with the web app's secrets.
 */
export function envFilesFromOutputs(o: StackOutputs) {
  return {
    web: {
      SITE_URL: o.web_origin,
      NEXTAUTH_URL: o.web_origin,
      API_URL: o.api_url,
      AWS_REGION: o.region,
      COGNITO_USER_POOL_ID: o.user_pool_id,
      COGNITO_ISSUER: o.issuer,
      COGNITO_CLIENT_ID: o.web_client_id,
      COGNITO_CLIENT_SECRET: o.web_client_secret,
      COGNITO_DOMAIN_URL: o.hosted_ui_url,
      COGNITO_IDENTITY_POOL_ID: o.identity_pool_id,
      FILES_BUCKET: o.files_bucket,
      SESSIONS_TABLE: o.sessions_table,
    },
    api: {
      AWS_REGION: o.region,
      COGNITO_USER_POOL_ID: o.user_pool_id,
      COGNITO_CLIENT_IDS: [o.web_client_id, o.mobile_client_id, o.server_client_id].join(","),
      APP_TABLE: o.app_table,
      APP_URL: o.web_origin,
    },
  };
}

/** `KEY=value` lines; values with spaces, quotes or `#` are double-quoted. */
export function formatEnvFile(vars: Record<string, string>, header: string): string {
  const lines = Object.entries(vars).map(([k, v]) => {
    if (/[\n\r]/.test(v)) throw new OutputsError(`${k} spans lines`);
    return `${k}=${/[\s"'#$\\]/.test(v) ? JSON.stringify(v) : v}`;
  });
  return `# ${header}\n${lines.join("\n")}\n`;
}

export type EnvFiles = ReturnType<typeof envFilesFromOutputs>;
