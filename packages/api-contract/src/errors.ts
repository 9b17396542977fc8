import { z } from "zod";

/** One reason a request was refused: where in the input (`title`, `limit`) and why. */
export const ValidationIssue = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.output<typeof ValidationIssue>;

/**
 * The body of every 4xx and 5xx the API answers: a machine-readable `error` (`bad_request`,
 * `not_found`, `invalid_token`, `insufficient_scope`, `service_unavailable`, `internal_error`,
 * ...), a sentence for people, the validation issues of a 400, the request ID of a 500.
 */
export const ApiErrorBody = z.object({
  error: z.string().min(1),
  message: z.string(),
  details: z.array(ValidationIssue).optional(),
  requestId: z.string().optional(),
});
export type ApiErrorBody = z.output<typeof ApiErrorBody>;

/** A 204: no body at all. */
export const NoContent = z.undefined();
