import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { awsVerifiedTests, Expectations, functionOf, judge, parseJunit } from "../../conformance/moto/report";

const FILE = "tests/test_cognitoidp/test_cognitoidp.py";
const junit = `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">
<testcase classname="tests.test_cognitoidp.test_cognitoidp" file="${FILE}" line="1" name="test_ok" time="0.1" />
<testcase classname="tests.test_cognitoidp.test_cognitoidp" file="${FILE}" line="9" name="test_bad[a&amp;b]" time="0.1"><failure message="AssertionError: &quot;x&quot; != &quot;y&quot;&#10;more">trace</failure></testcase>
<testcase classname="tests.test_cognitoidp.test_cognitoidp.TestThing" file="${FILE}" line="20" name="test_in_class" time="0.1"><skipped type="pytest.skip" message="server mode">skip</skipped></testcase>
<testcase classname="tests.test_cognitoidp.test_cognitoidp" file="${FILE}" line="30" name="test_broken" time="0.1"><error message="fixture failed">e</error></testcase>
</testsuite></testsuites>`;

describe("moto report", () => {
  it("reads pytest node ids and outcomes from xunit1 JUnit XML", () => {
    expect(parseJunit(junit)).toEqual([
      { id: `${FILE}::test_ok`, outcome: "passed", message: "" },
      { id: `${FILE}::test_bad[a&b]`, outcome: "failed", message: 'AssertionError: "x" != "y"' },
      { id: `${FILE}::TestThing::test_in_class`, outcome: "skipped", message: "server mode" },
      { id: `${FILE}::test_broken`, outcome: "error", message: "fixture failed" },
    ]);
    expect(functionOf(`${FILE}::TestThing::test_in_class`)).toBe(`${FILE}::test_in_class`);
    expect(functionOf(`${FILE}::test_bad[a&b]`)).toBe(`${FILE}::test_bad`);
    expect(functionOf(`aws-mode ${FILE}::test_ok`)).toBe(`${FILE}::test_ok`);
  });

  it("is red for a failing `pass`, an unlisted test and an aws_verified test called moto-only", () => {
    const expectations = Expectations.parse({
      [`${FILE}::test_ok`]: "pass",
      [`${FILE}::test_bad[a&b]`]: "pass",
      [`${FILE}::TestThing::test_in_class`]: {
        expect: "moto-only",
        evidence: "moto skips it in server mode",
      },
      [`${FILE}::gone`]: { expect: "not-yet", reason: "an emulator gap", item: "item 1" },
    });
    const verdict = judge(parseJunit(junit), expectations, new Set([`${FILE}::test_in_class`]));
    expect(verdict).toMatchObject({ passed: 1, failed: 2, skipped: 1, notRun: [`${FILE}::gone`] });
    expect(verdict.byCategory).toEqual({ pass: 2, "moto-only": 1, "not-yet": 0 });
    expect(verdict.problems).toEqual([
      `expected pass, failed: ${FILE}::test_bad[a&b] (AssertionError: "x" != "y")`,
      `aws_verified test listed as moto-only: ${FILE}::TestThing::test_in_class`,
      `unlisted test ${FILE}::test_broken (error: fixture failed)`,
    ]);
  });

  it("refuses expectations without evidence or reason", () => {
    expect(() => Expectations.parse({ a: { expect: "moto-only" } })).toThrow();
    expect(() => Expectations.parse({ a: { expect: "not-yet", reason: "some gap here" } })).toThrow();
    expect(() => Expectations.parse({ a: "fail" })).toThrow();
  });

  it("finds the tests marked aws_verified, past multi-line decorators", () => {
    const root = mkdtempSync(join(tmpdir(), "moto-report-"));
    mkdirSync(join(root, "tests/s"), { recursive: true });
    writeFileSync(
      join(root, "tests/s/test_x.py"),
      [
        "@pytest.mark.aws_verified",
        "@verified(",
        "    flows=['A'],",
        ")",
        "def test_marked(user_pool=None):",
        "    pass",
        "",
        "def helper():",
        "    pass",
        "",
        "@mock_aws",
        "def test_plain():",
        "    pass",
      ].join("\n"),
    );
    expect([...awsVerifiedTests(root, ["tests/s"])]).toEqual(["tests/s/test_x.py::test_marked"]);
  });
});
