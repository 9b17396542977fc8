/**
 * zod readers for the arguments of Terraform JSON, which allows a block as an object or a
 * one-element list, numbers and booleans as strings, and leaves unknown attributes alone.
 *
 * @module
 */
import { z } from "zod";

/** A string; empty means absent (`""` is how an unset optional argument often comes out). */
export const text = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** A string that must be there. */
export const required = z.string({ error: "expected a string" });

/** A number, or a string holding one. */
export const number = z
  .union([z.number(), z.string()], { error: "expected a number" })
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const n = Number(v);
    if (Number.isNaN(n)) {
      ctx.addIssue({ code: "custom", message: `expected a number, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });

/** A boolean, or `"true"` / `"false"`. */
export const boolean = z
  .union([z.boolean(), z.enum(["true", "false"])], { error: "expected true or false" })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === true || v === "true"));

const scalar = z.union([z.string(), z.number(), z.boolean()], { error: "expected a string" });

/** A list of strings (scalars are taken as their text). */
export const strings = z
  .array(scalar, { error: "expected a list of strings" })
  .optional()
  .transform((v) => v?.map(String));

/** A map of strings (tags, provider details, environment variables). */
export const stringMap = z
  .record(z.string(), scalar, { error: "expected a map of strings" })
  .optional()
  .transform((v) => (v ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : undefined));

/** A nested block, given as an object or as a list whose first element is the block. */
export function block<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema.optional());
}

/** A repeated block, given as a list of objects or a single object. */
export function blocks<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(schema, { error: "expected a list of blocks" }),
  );
}
