/**
 * Per-test outcomes from pytest's JUnit XML (xunit1, which names each test's file), the
 * expectations file, and the verdict of one run against it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";

export type Outcome = "passed" | "failed" | "error" | "skipped";

export interface TestResult {
  id: string;
  outcome: Outcome;
  /** The first line of the failure, error or skip message. */
  message: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1] as string] = decodeXml(m[2] as string);
  return out;
}

/** The pytest node id of a JUnit test case: `file::[Class::]name`. */
function nodeId(attrs: Record<string, string>): string {
  const name = attrs.name ?? "";
  const file = attrs.file;
  if (!file) return name;
  const moduleDotted = file.replace(/\.py$/, "").split("/").join(".");
  const classname = attrs.classname ?? "";
  const inner = classname.startsWith(`${moduleDotted}.`) ? classname.slice(moduleDotted.length + 1) : "";
  return [file, ...(inner ? inner.split(".") : []), name].join("::");
}

export function parseJunit(xml: string): TestResult[] {
  const results: TestResult[] = [];
  for (const m of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const attrs = attributes(m[1] ?? "");
    const body = m[2] ?? "";
    const child = /<(failure|error|skipped)\b([^>]*?)(?:\/>|>)/.exec(body);
    const kind = child?.[1];
    const outcome: Outcome =
      kind === "failure" ? "failed" : kind === "error" ? "error" : kind === "skipped" ? "skipped" : "passed";
    const message = child ? (attributes(child[2] ?? "").message ?? "").split("\n")[0]?.slice(0, 300) : "";
    results.push({ id: nodeId(attrs), outcome, message: message ?? "" });
  }
  return results;
}

const Expectation = z.union([
  z.literal("pass"),
  z.strictObject({ expect: z.literal("moto-only"), evidence: z.string().min(10) }),
  z.strictObject({ expect: z.literal("not-yet"), reason: z.string().min(10), item: z.string().min(3) }),
]);
export type Expectation = z.infer<typeof Expectation>;
export const Expectations = z.record(z.string().min(1), Expectation);
export type Expectations = z.infer<typeof Expectations>;

export const categoryOf = (e: Expectation): "pass" | "moto-only" | "not-yet" =>
  e === "pass" ? "pass" : e.expect;

export function loadExpectations(path: string): Expectations {
  return Expectations.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** Test functions carrying `@pytest.mark.aws_verified`, as `file::name`, found in the sources. */
export function awsVerifiedTests(root: string, folders: readonly string[]): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".py")) {
        let marked = false;
        for (const line of readFileSync(path, "utf8").split("\n")) {
          if (/^\s*@pytest\.mark\.aws_verified\b/.test(line)) marked = true;
          const def = /^\s*def (test_\w+)/.exec(line);
          if (def && marked) found.add(`${relative(root, path)}::${def[1]}`);
          if (/^\s*(async\s+)?def /.test(line)) marked = false;
        }
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return found;
}

/** What prefixes the id of a test's second run, in AWS mode (`MOTO_TEST_ALLOW_AWS_REQUEST`). */
export const AWS_MODE = "aws-mode";

/** `file::name` of a node id, without mode, class or parameters: how `awsVerifiedTests` names it. */
export const functionOf = (id: string): string => {
  const parts = id
    .replace(new RegExp(`^${AWS_MODE} `), "")
    .replace(/\[.*$/, "")
    .split("::");
  return `${parts[0]}::${parts[parts.length - 1]}`;
};

export interface Verdict {
  passed: number;
  failed: number;
  skipped: number;
  byCategory: Record<"pass" | "moto-only" | "not-yet", number>;
  /** Reasons the run is red; empty when it is green. */
  problems: string[];
  /** Tests listed as `not-yet` that pass now. */
  nowPassing: string[];
  /** Listed tests this run did not report. */
  notRun: string[];
}

export function judge(results: TestResult[], expectations: Expectations, awsVerified: Set<string>): Verdict {
  const verdict: Verdict = {
    passed: 0,
    failed: 0,
    skipped: 0,
    byCategory: { pass: 0, "moto-only": 0, "not-yet": 0 },
    problems: [],
    nowPassing: [],
    notRun: [],
  };
  const seen = new Set<string>();
  for (const r of results) {
    seen.add(r.id);
    if (r.outcome === "passed") verdict.passed += 1;
    else if (r.outcome === "skipped") verdict.skipped += 1;
    else verdict.failed += 1;
    const expected = expectations[r.id];
    if (!expected) {
      verdict.problems.push(`unlisted test ${r.id} (${r.outcome}${r.message ? `: ${r.message}` : ""})`);
      continue;
    }
    const category = categoryOf(expected);
    verdict.byCategory[category] += 1;
    if (category === "pass" && r.outcome !== "passed") {
      verdict.problems.push(`expected pass, ${r.outcome}: ${r.id}${r.message ? ` (${r.message})` : ""}`);
    } else if (category === "not-yet" && r.outcome === "passed") {
      verdict.nowPassing.push(r.id);
    }
    if (category === "moto-only" && awsVerified.has(functionOf(r.id))) {
      verdict.problems.push(`aws_verified test listed as moto-only: ${r.id}`);
    }
  }
  for (const id of Object.keys(expectations)) if (!seen.has(id)) verdict.notRun.push(id);
  return verdict;
}
