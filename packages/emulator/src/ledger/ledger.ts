/**
 * The settings ledger: for every input member of every operation the emulator serves, whether it
 * is honoured as AWS honours it (and the test that proves it) or refused with a clear error. A
 * refused member present in a request is answered at the front door, before the operation runs:
 * nothing is accepted and then ignored. `src/ledger/ledger.test.ts` keeps the ledger complete
 * against the AWS model (`models/`), and the coverage table in `docs/emulator-coverage.md` is
 * generated from it.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { ServiceName } from "../aws-model/model";

const Entry = z.discriminatedUnion("verdict", [
  z.object({
    verdict: z.literal("honoured"),
    /** The test (path from the package root) that shows the member doing what it does on AWS. */
    test: z.string().min(1),
    note: z.string().optional(),
  }),
  z.object({
    verdict: z.literal("refused"),
    /** Why, when it is more than "not built yet" (e.g. which issue builds it). */
    note: z.string().optional(),
    /** Values that are honoured although the member is otherwise refused (`ManagedLoginVersion: 1`). */
    allowed: z.array(z.unknown()).optional(),
  }),
]);
export type LedgerEntry = z.infer<typeof Entry>;

/** Operation → member (or `Member.Nested` path) → verdict. */
const LedgerSchema = z.record(z.string(), z.record(z.string(), Entry));
export type Ledger = z.infer<typeof LedgerSchema>;

export const ledgerPath = (service: ServiceName): string =>
  fileURLToPath(new URL(`./${service}.ledger.json`, import.meta.url));

const cache = new Map<ServiceName, Ledger>();

export function readLedger(service: ServiceName): Ledger | undefined {
  const cached = cache.get(service);
  if (cached) return cached;
  const path = ledgerPath(service);
  if (!existsSync(path)) return undefined;
  const ledger = LedgerSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  cache.set(service, ledger);
  return ledger;
}

function valueAt(body: Record<string, unknown>, path: string): unknown {
  let value: unknown = body;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The refused members (or nested paths) a request sets, with the message to answer; empty when
 * the request sets none. A member set to `null` counts as not set, as in AWS's JSON protocol.
 */
export function refusedMembers(
  service: ServiceName,
  operation: string,
  body: Record<string, unknown>,
): string[] {
  const entries = readLedger(service)?.[operation];
  if (!entries) return [];
  const refused: string[] = [];
  for (const [path, entry] of Object.entries(entries)) {
    if (entry.verdict !== "refused") continue;
    const value = valueAt(body, path);
    if (value === undefined || value === null) continue;
    if (entry.allowed?.some((v) => isDeepStrictEqual(v, value))) continue;
    refused.push(path);
  }
  return refused;
}

/** The message of the front door's refusal. */
export function refusalMessage(operation: string, members: string[]): string {
  const list = members.join(", ");
  return `${operation}: ${list} ${members.length === 1 ? "is" : "are"} not supported by the local emulator yet; remove ${members.length === 1 ? "it" : "them"} from the request (the deployed stack on AWS supports ${members.length === 1 ? "it" : "them"}).`;
}
