/**
 * The checks AWS makes on a request before the operation runs, read from the AWS model: required
 * members, string and list lengths, number ranges, patterns and enums. The message is AWS's:
 * `1 validation error detected: Value 'x' at 'member.path' failed to satisfy constraint: Member
 * must ...`, all violations joined by `; `, a sensitive member's value left out (`Value at
 * 'password' ...`), a missing required member as `Value null at ...: Member must not be null`.
 *
 * A member whose JSON type does not fit the model is left to the operation's own schema, which
 * answers it; members the model does not know are ignored, as AWS's JSON protocol ignores them.
 * Patterns are the model's (Java regular expressions, matched whole); the one Java construct they
 * use that JavaScript lacks, a leading `(?s)`, becomes the `s` flag.
 *
 * @module
 */
import { inputShapeName, type ServiceName, type Shape, shapeNamed } from "./model";

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    const dotAll = source.startsWith("(?s)");
    re = new RegExp(`^(?:${dotAll ? source.slice(4) : source})$`, dotAll ? "su" : "u");
    patterns.set(source, re);
  }
  return re;
}

/** Java's rendering of a value in the message (`[a, b]` for a list). */
function render(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(render).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${render(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

interface Violation {
  path: string;
  value: unknown;
  sensitive: boolean;
  constraint: string;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function lengthChecks(shape: Shape, length: number, out: string[]): void {
  if (shape.min !== undefined && length < shape.min) {
    out.push(`Member must have length greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && length > shape.max) {
    out.push(`Member must have length less than or equal to ${shape.max}`);
  }
}

function check(
  service: ServiceName,
  shape: Shape,
  value: unknown,
  path: string,
  violations: Violation[],
): void {
  const constraints: string[] = [];
  const sensitive = shape.sensitive === true;
  switch (shape.type) {
    case "string": {
      if (typeof value !== "string") return;
      if (shape.enum && !shape.enum.includes(value)) {
        constraints.push(`Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
      }
      lengthChecks(shape, value.length, constraints);
      if (shape.pattern && !patternOf(shape.pattern).test(value)) {
        constraints.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      break;
    }
    case "integer":
    case "long": {
      if (typeof value !== "number") return;
      if (shape.min !== undefined && value < shape.min) {
        constraints.push(`Member must have value greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && value > shape.max) {
        constraints.push(`Member must have value less than or equal to ${shape.max}`);
      }
      break;
    }
    case "list": {
      if (!Array.isArray(value)) return;
      lengthChecks(shape, value.length, constraints);
      const member = shape.member ? shapeNamed(service, shape.member.shape) : undefined;
      if (member) {
        value.forEach((item, i) => {
          check(service, member, item, `${path}.${i + 1}.member`, violations);
        });
      }
      break;
    }
    case "map": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return;
      const entries = Object.entries(value);
      lengthChecks(shape, entries.length, constraints);
      const key = shape.key ? shapeNamed(service, shape.key.shape) : undefined;
      const val = shape.value ? shapeNamed(service, shape.value.shape) : undefined;
      for (const [k, v] of entries) {
        if (key) check(service, key, k, `${path}.${k}.key`, violations);
        if (val) check(service, val, v, `${path}.${k}.value`, violations);
      }
      break;
    }
    case "structure": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return;
      checkStructure(service, shape, value as Record<string, unknown>, path, violations);
      return;
    }
    default:
      return;
  }
  for (const constraint of constraints) violations.push({ path, value, sensitive, constraint });
}

function checkStructure(
  service: ServiceName,
  shape: Shape,
  value: Record<string, unknown>,
  prefix: string,
  violations: Violation[],
): void {
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const path = prefix ? `${prefix}.${lowerFirst(name)}` : lowerFirst(name);
    const member = value[name];
    if (member === undefined || member === null) {
      if (shape.required?.includes(name)) {
        violations.push({ path, value: null, sensitive: false, constraint: "Member must not be null" });
      }
      continue;
    }
    check(service, shapeNamed(service, ref.shape), member, path, violations);
  }
}

/**
 * AWS's validation message for what `body` breaks of `operation`'s input constraints, or
 * undefined when it breaks none (or the model does not know the operation).
 */
export function validationMessage(
  service: ServiceName,
  operation: string,
  body: Record<string, unknown>,
): string | undefined {
  const name = inputShapeName(service, operation);
  if (!name) return undefined;
  const violations: Violation[] = [];
  checkStructure(service, shapeNamed(service, name), body, "", violations);
  if (violations.length === 0) return undefined;
  const parts = violations.map((v) => {
    const shown = v.value === null ? "Value null" : v.sensitive ? "Value" : `Value '${render(v.value)}'`;
    return `${shown} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
  });
  const n = violations.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}
