/**
 * Environment settings, validated once with clear errors, the same way in every package: each
 * package's config module (the only reader of `process.env` there) declares a zod schema of the
 * variables it reads and calls `parseEnv`. An invalid or missing variable is a `ConfigError`
 * whose message names the settings and what is wrong with each.
 *
 * @module
 */
import { z } from "zod";

/** A setting is missing or invalid. `what` names the component whose settings these are. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export type EnvSource = Record<string, string | undefined>;

export interface ParseEnvOptions {
  /** Treat `VAR=` (empty) as not set, so its default applies (default true). */
  emptyIsUnset?: boolean;
}

/**
 * Validates `source` against `schema` and returns the parsed settings; throws {@link ConfigError}
 * (`Invalid <what> config:` then one line per setting).
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: EnvSource,
  what: string,
  options: ParseEnvOptions = {},
): z.output<T> {
  const input =
    options.emptyIsUnset === false
      ? source
      : Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ConfigError(`Invalid ${what} config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Splits a comma-separated list (`a, b,c`): entries trimmed (then `transform`ed), empty ones dropped. */
export const splitList = (value: string, transform: (entry: string) => string = (v) => v): string[] =>
  value
    .split(",")
    .map((v) => transform(v.trim()))
    .filter(Boolean);

/** An optional comma-separated list setting; unset is the empty list. */
export const csv = (transform?: (entry: string) => string) =>
  z
    .string()
    .default("")
    .transform((s) => splitList(s, transform));
