/**
 * Runs moto's Cognito tests (cognito-idp and cognito-identity) in server mode against the
 * emulator and holds each outcome to `expectations.json`. Usage:
 *   pnpm --filter @repo/emulator moto [--verbose] [--keep] [--results file.json] [-- pytest args]
 * Environment: MOTO_CHECKOUT (a moto git checkout; default the local mirror), MOTO_REF.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { motoRunConfig } from "./config";
import { extractMotoTests } from "./extract";
import { startFront } from "./front";
import { awsVerifiedTests, judge, loadExpectations, parseJunit } from "./report";

const here = dirname(fileURLToPath(import.meta.url));
const SUITES = ["tests/test_cognitoidp", "tests/test_cognitoidentity"] as const;
/** Debian's python3-pyotp, for a Python that lacks pyotp. */
const DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages";
const BASE_ENV = motoRunConfig().baseEnv;

function parseArgs(argv: string[]) {
  const dash = argv.indexOf("--");
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const resultsAt = own.indexOf("--results");
  return {
    verbose: own.includes("--verbose"),
    keep: own.includes("--keep"),
    results: resultsAt === -1 ? undefined : own[resultsAt + 1],
    pytestArgs: dash === -1 ? [...SUITES] : argv.slice(dash + 1),
  };
}

const canImport = (module: string, pythonPath: string): boolean =>
  spawnSync("python3", ["-c", `import ${module}`], { env: { ...BASE_ENV, PYTHONPATH: pythonPath } })
    .status === 0;

/** PYTHONPATH for the run: the extracted tests, then whatever of pyotp and pycognito is missing. */
function pythonPath(testsDir: string): string {
  const paths = [testsDir];
  if (!canImport("pyotp", "")) {
    const site = join(testsDir, ".site");
    mkdirSync(site, { recursive: true });
    if (existsSync(join(DEBIAN_DIST_PACKAGES, "pyotp")))
      symlinkSync(join(DEBIAN_DIST_PACKAGES, "pyotp"), join(site, "pyotp"));
    paths.push(site);
    if (!canImport("pyotp", site))
      throw new Error("pyotp is missing: apt-get install python3-pyotp (or pip install pyotp)");
  }
  // Our own SRP client answers for pycognito where that package is not installed.
  if (!canImport("pycognito", "")) paths.push(join(here, "python"));
  return paths.join(":");
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = motoRunConfig();
  const started = Date.now();
  const testsDir = extractMotoTests(config.checkout, config.ref);
  const junit = join(testsDir, "junit.xml");
  const log = join(testsDir, "pytest.log");
  const front = await startFront();
  let code: number | null;
  try {
    const pytest = [
      "-m",
      "pytest",
      "-p",
      "no:cacheprovider",
      "-o",
      "junit_family=xunit1",
      `--junitxml=${junit}`,
      "-q",
      "--tb=short",
      ...args.pytestArgs,
    ];
    // Serialised with the machine's other heavy jobs unless a caller already holds the lock.
    const useLock = !config.lockHeld && spawnSync("flock", ["--version"]).status === 0;
    const [command, commandArgs] = useLock
      ? ["flock", ["/tmp/heavy.lock", "python3", ...pytest]]
      : ["python3", pytest];
    const env: NodeJS.ProcessEnv = {
      ...config.baseEnv,
      PYTHONPATH: pythonPath(testsDir),
      TEST_SERVER_MODE: "true",
      TEST_SERVER_MODE_ENDPOINT: front.url,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: join(testsDir, "aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(testsDir, "aws-credentials"),
    };
    const out = args.verbose ? "inherit" : openSync(log, "w");
    const child = spawn(command, commandArgs, { cwd: testsDir, env, stdio: ["ignore", out, out] });
    code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  } finally {
    await front.close();
  }
  if (!existsSync(junit)) {
    console.error(`moto: pytest wrote no report (exit ${code}); see ${log}`);
    if (!args.verbose) console.error(readFileSync(log, "utf8").slice(-4000));
    return 1;
  }
  const results = parseJunit(readFileSync(junit, "utf8"));
  if (args.results) writeFileSync(args.results, `${JSON.stringify(results, null, 2)}\n`);
  const expectations = loadExpectations(join(here, "expectations.json"));
  const verdict = judge(results, expectations, awsVerifiedTests(testsDir, SUITES));
  const seconds = Math.round((Date.now() - started) / 1000);
  for (const problem of verdict.problems) console.error(`  ${problem}`);
  for (const id of verdict.nowPassing) console.log(`  now passes (promote to "pass"): ${id}`);
  if (verdict.notRun.length > 0 && args.pytestArgs.join(" ") === SUITES.join(" ")) {
    for (const id of verdict.notRun) console.log(`  listed but not run: ${id}`);
  }
  console.log(`moto: ${verdict.passed} passed, ${verdict.failed + verdict.skipped} failed`);
  const c = verdict.byCategory;
  console.log(
    `  (${verdict.skipped} of them skipped) expected: pass ${c.pass}, moto-only ${c["moto-only"]}, not-yet ${c["not-yet"]}; ${seconds}s`,
  );
  if (args.keep) console.log(`  tests and report kept in ${testsDir}`);
  else rmSync(testsDir, { recursive: true, force: true });
  return verdict.problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
