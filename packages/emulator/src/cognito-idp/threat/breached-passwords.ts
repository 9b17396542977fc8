/**
 * Compromised-credentials detection, offline: the ~49,000 most common passwords of public breaches
 * (`@zxcvbn-ts/language-common`'s `passwords-common` list, maintained with zxcvbn-ts) kept as a
 * sorted `BigUint64Array` of 64-bit SHA-256 prefixes (~400 KB, binary search, false-positive rate
 * about 49,000 / 2^64).
 *
 * The list is lowercase and short, while pool policies ask for mixed case and symbols, so a
 * password is also checked in the forms people derive from a breached one: lowercased, and with
 * trailing symbols removed (`Password123!` → `password123`). A password that only contains a
 * breached word somewhere in a longer phrase is not flagged.
 *
 * @module
 */
import { hash } from "node:crypto";
import { dictionary } from "@zxcvbn-ts/language-common";

let corpus: BigUint64Array | undefined;

function fingerprint(value: string): bigint {
  return BigInt(`0x${hash("sha256", value, "hex").slice(0, 16)}`);
}

/** Built once (about 0.3 s): at start for a stack with threat protection, else on first use. */
function breachCorpus(): BigUint64Array {
  if (!corpus) {
    const words = dictionary["passwords-common"];
    const hashes = new BigUint64Array(words.length);
    words.forEach((word, i) => {
      hashes[i] = fingerprint(word.toLowerCase());
    });
    hashes.sort();
    corpus = hashes;
  }
  return corpus;
}

function contains(sorted: BigUint64Array, value: bigint): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] as bigint;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The forms of a password that are looked up. */
export function candidateForms(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/[^\p{L}\p{N}]+$/u, "");
  return trimmed && trimmed !== lower ? [lower, trimmed] : [lower];
}

/** True when the password, or a form derived from it, is in the breach corpus. */
export function isBreachedPassword(password: string): boolean {
  const sorted = breachCorpus();
  return candidateForms(password).some((form) => contains(sorted, fingerprint(form)));
}

/** Builds the corpus now (at start-up) rather than on the first sign-in that needs it. */
export function loadBreachCorpus(): void {
  breachCorpus();
}

/** How many distinct entries the corpus holds (for docs and tests). */
export function breachCorpusSize(): number {
  return breachCorpus().length;
}
