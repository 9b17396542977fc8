import type { StackDocument } from "./reader";
import { isUnresolved, type ReferenceResolver } from "./references";

/**
 * The stack's outputs as `cdktf output` would print them after a deploy, with local values:
 * the same names, so the apps are configured the same way in both worlds. AWS endpoints are
 * replaced by the emulator's (hosted UI domain, API Gateway URL). An output that still refers to
 * something the emulator has no value for (an attribute of a resource it does not model) is left out.
 */
export function stackOutputs(
  doc: StackDocument,
  refs: ReferenceResolver,
  origin: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, output] of Object.entries(doc.outputs)) {
    let value = refs.resolve(output.value, `output.${name}`, ["value"]);
    if (isUnresolved(value)) continue;
    if (typeof value !== "string") value = JSON.stringify(value);
    out[name] = localEndpoints(value as string, origin);
  }
  return out;
}

/** `https://<prefix>.auth.<region>.amazoncognito.com` → the emulator's `/_domain/<prefix>`. */
function localEndpoints(value: string, origin: string): string {
  return value.replace(
    /^https:\/\/([a-z0-9-]+)\.auth\.[a-z0-9-]+\.amazoncognito\.com/,
    `${origin}/_domain/$1`,
  );
}
