/**
 * Brings moto's Cognito tests, and the `tests/` helpers they import, out of a moto checkout
 * into a temporary folder. Nothing of moto's is kept in this repository.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const MOTO_REF = "5.2.1";
export const DEFAULT_MOTO_CHECKOUT = "/work/.mirror/getmoto+moto/repo";

/** The paths moto's Cognito tests need: the two suites and the `tests` package around them. */
export const MOTO_TEST_PATHS = [
  "tests/__init__.py",
  "tests/conftest.py",
  "tests/markers.py",
  "tests/test_cognitoidp",
  "tests/test_cognitoidentity",
] as const;

/** Extracts `MOTO_TEST_PATHS` at `ref` from the git directory `checkout`; returns the folder. */
export function extractMotoTests(checkout: string, ref: string = MOTO_REF): string {
  const dir = mkdtempSync(join(tmpdir(), "moto-conformance-"));
  const archive = execFileSync("git", ["-C", checkout, "archive", "--format=tar", ref, ...MOTO_TEST_PATHS], {
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  return dir;
}
