/**
 * Terraform `${type.name.attr}` references: finding them and resolving them to local values.
 *
 * @module
 */
import { attributePath, StackError } from "./errors";
import type { RawResources } from "./reader";

/** Resolves `type.name.attr` to a local value, or undefined when the emulator has none for it. */
export type AttributeResolver = (type: string, name: string, attribute: string) => string | undefined;

/** `${aws_x.name.attr}`: other interpolations (`${data…}`, `${var…}`, functions) are not references. */
const REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/** Every reference in a value (strings, arrays, objects). */
export function referencesIn(value: unknown): { type: string; name: string; attribute: string }[] {
  if (typeof value === "string") {
    return [...value.matchAll(REFERENCE)].map((m) => ({
      type: m[1] as string,
      name: m[2] as string,
      attribute: m[3] as string,
    }));
  }
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(referencesIn);
  return [];
}

/** The name of the first resource of `type` that a value refers to (a route's integration, a policy's role). */
export function referencedName(value: unknown, type: string): string | undefined {
  return referencesIn(value).find((r) => r.type === type)?.name;
}

/** Whether a resolved value still holds a reference the emulator could not resolve. */
export const isUnresolved = (value: unknown): boolean => referencesIn(value).length > 0;

/** Terraform writes a literal `${...}` (an IAM policy variable) as `$${...}`. */
export const unescapeLiteral = (s: string): string => s.replace(/\$\$\{/g, "${");

/** Drops the `//` metadata keys cdktf writes and attributes set to null (the same as absent). */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => k !== "//" && v !== null)
        .map(([k, v]) => [k, clean(v)]),
    );
  }
  return value;
}

/**
 * Resolves references between the resources of one stack. A reference is looked up in
 * `overrides` (tests point a stack at pools made through the API), then in `own` (the local
 * values of what the emulator models: IDs, ARNs, endpoints), then in the literal arguments of the
 * resource it names, themselves resolved. A reference to a resource that exists but to an
 * attribute the emulator has no value for stays as written (log group ARNs in policies); one to a
 * resource that is not in the stack is a `StackError`.
 */
export class ReferenceResolver {
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly resources: RawResources,
    private readonly own: (resolver: ReferenceResolver) => AttributeResolver,
    private readonly overrides?: AttributeResolver,
  ) {}

  has(type: string, name: string): boolean {
    return this.resources[type]?.[name] !== undefined;
  }

  /** A resource's arguments as written (metadata and nulls dropped). */
  raw(type: string, name: string): Record<string, unknown> {
    return clean(this.resources[type]?.[name] ?? {}) as Record<string, unknown>;
  }

  /** A resource's arguments with every reference resolved. */
  args(type: string, name: string): Record<string, unknown> {
    return this.resolve(this.raw(type, name), `${type}.${name}`);
  }

  /** A literal argument of a resource, resolved, as a string; undefined when absent or not a scalar. */
  literal(type: string, name: string, attribute: string): string | undefined {
    const value = this.raw(type, name)[attribute];
    if (typeof value !== "string" && typeof value !== "number") return undefined;
    return this.resolve(String(value), `${type}.${name}`, [attribute]);
  }

  /** The local value of `type.name.attr`, or undefined (see the class). */
  value(type: string, name: string, attribute: string): string | undefined {
    const overridden = this.overrides?.(type, name, attribute);
    if (overridden !== undefined) return overridden;
    if (!this.has(type, name)) return undefined;
    const key = `${type}.${name}.${attribute}`;
    if (this.inProgress.has(key)) {
      throw new StackError({ resource: `${type}.${name}`, attribute }, "refers to itself");
    }
    this.inProgress.add(key);
    try {
      return this.own(this)(type, name, attribute) ?? this.literal(type, name, attribute);
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** Replaces every reference in `value` (held by resource `holder` at `path`). */
  resolve<T>(value: T, holder: string, path: PropertyKey[] = []): T {
    if (typeof value === "string") {
      return value.replace(REFERENCE, (whole, type: string, name: string, attr: string) => {
        const resolved = this.value(type, name, attr);
        if (resolved !== undefined) return resolved;
        if (this.has(type, name) || this.overrides?.(type, name, attr) !== undefined) return whole;
        throw new StackError(
          { resource: holder, ...(path.length > 0 ? { attribute: attributePath(path) } : {}) },
          `refers to ${whole}, but the stack has no ${type}.${name}`,
        );
      }) as T;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.resolve(v, holder, [...path, i])) as T;
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          this.resolve(v, holder, [...path, k]),
        ]),
      ) as T;
    }
    return value;
  }
}
