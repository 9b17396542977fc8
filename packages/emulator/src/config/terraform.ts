import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The parts of a synthesized stack (`cdk.tf.json`) the emulator reads. */
export interface TerraformStack {
  /** `resource[type][name] = arguments` across every stack loaded. */
  resources: Record<string, Record<string, Record<string, unknown>>>;
  outputs: Record<string, { value: unknown }>;
  files: string[];
}

/** Loads every `cdk.tf.json` under a folder (a `cdktf.out` or one stack's folder) and merges them. */
export function loadTerraform(dir: string): TerraformStack {
  const files = findStackFiles(dir);
  const stack: TerraformStack = { resources: {}, outputs: {}, files };
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, "utf8")) as {
      resource?: Record<string, Record<string, Record<string, unknown>>>;
      output?: Record<string, { value: unknown }>;
    };
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      stack.resources[type] = { ...stack.resources[type], ...byName };
    }
    Object.assign(stack.outputs, json.output ?? {});
  }
  return stack;
}

function findStackFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "cdk.tf.json") out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Resolves `aws_x.name.attr` to a local value, or undefined when the emulator does not know it. */
export type AttributeResolver = (type: string, name: string, attribute: string) => string | undefined;

/** A reference the emulator could not resolve. */
export class UnresolvedReferenceError extends Error {
  override name = "UnresolvedReferenceError";
}

const REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/**
 * Replaces every `${type.name.attr}` in strings, arrays and objects with local values. Other
 * interpolations (`${data…}`, functions) are left as they are; an unknown reference throws.
 */
export function resolveReferences<T>(value: T, resolve: AttributeResolver): T {
  if (typeof value === "string") {
    return value.replace(REFERENCE, (whole, type: string, name: string, attr: string) => {
      const resolved = resolve(type, name, attr);
      if (resolved === undefined) throw new UnresolvedReferenceError(`Cannot resolve ${whole}`);
      return resolved;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, resolve)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== "//")
        .map(([k, v]) => [k, resolveReferences(v, resolve)]),
    ) as T;
  }
  return value;
}
