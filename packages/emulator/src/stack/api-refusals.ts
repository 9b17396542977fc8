/**
 * The loader says no where the API would: a stack's Cognito settings pass the same front door as
 * a request (the AWS model's constraints, then the settings ledger's refusals), and a Terraform
 * argument the loader does not read is refused, never dropped.
 *
 * @module
 */
import type { z } from "zod";
import type { ServiceName } from "../aws-model/model";
import { validationMessage } from "../aws-model/validate";
import { refusalMessage, refusedMembers } from "../ledger/ledger";
import { StackError } from "./errors";

/** What the resource's settings break of `operation`'s front door, as a `StackError` naming it. */
export function refuseAsApi(
  address: string,
  operation: string,
  input: Record<string, unknown>,
  service: ServiceName = "cognito-idp",
): void {
  // A setting the emulator does not build is named first: that is the more useful answer.
  const refused = refusedMembers(service, operation, input);
  if (refused.length > 0) throw new StackError({ resource: address }, refusalMessage(operation, refused));
  const invalid = validationMessage(service, operation, input);
  if (invalid) throw new StackError({ resource: address }, `${operation}: ${invalid}`);
}

/** Terraform's meta-arguments and CDKTF's metadata: no resource setting. */
const META_ARGUMENTS = new Set([
  "//",
  "count",
  "depends_on",
  "for_each",
  "lifecycle",
  "provider",
  "provisioner",
  "connection",
]);

/**
 * The arguments of a resource that its schema does not read. The schema lists every argument the
 * loader honours; anything else set in the stack would be accepted and ignored, so it is refused.
 */
export function refuseUnreadArguments(address: string, schema: z.ZodObject, args: unknown): void {
  if (typeof args !== "object" || args === null) return;
  const read = new Set(Object.keys(schema.shape));
  const unread = Object.entries(args as Record<string, unknown>)
    .filter(
      ([key, value]) => !META_ARGUMENTS.has(key) && !read.has(key) && value !== undefined && value !== null,
    )
    .map(([key]) => key);
  if (unread.length > 0) {
    throw new StackError(
      { resource: address, attribute: unread.join(", ") },
      `not supported by the local emulator yet; remove ${unread.length === 1 ? "it" : "them"} from the local stage, or build ${unread.length === 1 ? "it" : "them"} into the emulator`,
    );
  }
}
