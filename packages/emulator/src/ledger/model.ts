/**
 * The AWS API models in `models/` (botocore's `service-2.json`): which input members each
 * operation has. Read once, on first use.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

export type ServiceName = "cognito-idp" | "cognito-identity";

const Model = z.object({
  operations: z.record(z.string(), z.object({ input: z.object({ shape: z.string() }).optional() })),
  shapes: z.record(
    z.string(),
    z.object({ type: z.string(), members: z.record(z.string(), z.object({ shape: z.string() })).optional() }),
  ),
});
type Model = z.infer<typeof Model>;

const cache = new Map<ServiceName, Model>();

function model(service: ServiceName): Model {
  let m = cache.get(service);
  if (!m) {
    const path = new URL(`../../models/${service}.json`, import.meta.url);
    m = Model.parse(JSON.parse(readFileSync(path, "utf8")));
    cache.set(service, m);
  }
  return m;
}

/** Every operation of the service, by wire name. */
export const operationsOf = (service: ServiceName): string[] => Object.keys(model(service).operations).sort();

/** The input members of `operation` (top level), in the model's order; undefined for an unknown operation. */
export function inputMembers(service: ServiceName, operation: string): string[] | undefined {
  const m = model(service);
  const op = m.operations[operation];
  if (!op) return undefined;
  const shape = op.input ? m.shapes[op.input.shape] : undefined;
  return Object.keys(shape?.members ?? {});
}

/** The members of a structure member (`CreateUserPool`, `Policies` → `PasswordPolicy`, `SignInPolicy`). */
export function nestedMembers(service: ServiceName, operation: string, path: string): string[] | undefined {
  const m = model(service);
  const op = m.operations[operation];
  let shape = op?.input ? m.shapes[op.input.shape] : undefined;
  for (const part of path.split(".")) {
    const next = shape?.members?.[part]?.shape;
    shape = next ? m.shapes[next] : undefined;
  }
  return shape?.type === "structure" ? Object.keys(shape.members ?? {}) : undefined;
}
