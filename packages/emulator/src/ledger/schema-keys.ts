import type { z } from "zod";

type Def = { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType; innerType?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The keys a request schema declares at `path` (top level when empty), looking through
 * refinements, pipes, optional and default wrappers. Undefined when that part is not an object
 * schema (a record or `unknown`: the schema takes any key there).
 */
export function schemaKeys(schema: z.ZodType, path: string[] = []): string[] | undefined {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s && depth < 20; depth++) {
    const def = defOf(s);
    if (def.type === "object" && def.shape) {
      if (path.length === 0) return Object.keys(def.shape);
      const [head, ...rest] = path;
      const child = head ? def.shape[head] : undefined;
      return child ? schemaKeys(child, rest) : undefined;
    }
    s = def.type === "pipe" ? def.in : def.innerType;
  }
  return undefined;
}
