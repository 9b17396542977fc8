/**
 * Readers for the loosely typed arguments of resources in synthesized Terraform JSON.
 *
 * @module
 */

export type Args = Record<string, unknown>;

/** A block that Terraform JSON may give as an object or a one-element list. */
export function block(value: unknown): Args | undefined {
  if (Array.isArray(value)) return block(value[0]);
  return value !== null && typeof value === "object" ? (value as Args) : undefined;
}
export const list = (value: unknown): Args[] =>
  Array.isArray(value)
    ? (value.filter((v) => v && typeof v === "object") as Args[])
    : value
      ? [value as Args]
      : [];
export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
export const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
export const bool = (v: unknown): boolean | undefined =>
  typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : undefined;
export const num = (v: unknown): number | undefined =>
  v === undefined || v === null || v === "" ? undefined : Number(v);
export const defined = <T extends Args>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
