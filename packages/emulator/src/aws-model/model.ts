/**
 * The AWS API models in `models/` (botocore's `service-2.json`): each operation's input shape and
 * every shape's constraints (required members, lengths, ranges, patterns, enums). Read once, on
 * first use; the settings ledger and the front-door validation both read it.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

export type ServiceName = "cognito-idp" | "cognito-identity";

const Ref = z.object({ shape: z.string() });

/** One shape of the model, with the constraints AWS checks before an operation runs. */
const Shape = z.object({
  type: z.string(),
  members: z.record(z.string(), Ref).optional(),
  required: z.array(z.string()).optional(),
  member: Ref.optional(),
  key: Ref.optional(),
  value: Ref.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().optional(),
  enum: z.array(z.string()).optional(),
  sensitive: z.boolean().optional(),
});
export type Shape = z.infer<typeof Shape>;

const Model = z.object({
  operations: z.record(z.string(), z.object({ input: Ref.optional() })),
  shapes: z.record(z.string(), Shape),
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

/** A shape by name (throws on a name the model does not have: the model is checked-in data). */
export function shapeNamed(service: ServiceName, name: string): Shape {
  const shape = model(service).shapes[name];
  if (!shape) throw new Error(`${service} model has no shape ${name}`);
  return shape;
}

/** The input shape's name of an operation; undefined for an unknown operation or one without input. */
export const inputShapeName = (service: ServiceName, operation: string): string | undefined =>
  model(service).operations[operation]?.input?.shape;

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
