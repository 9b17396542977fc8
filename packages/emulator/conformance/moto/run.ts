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
import { AWS_MODE, awsVerifiedTests, judge, loadExpectations, parseJunit, type TestResult } from "./report";

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

interface PytestRun {
  testsDir: string;
  env: NodeJS.ProcessEnv;
  useLock: boolean;
  verbose: boolean;
}

/** One pytest run writing `<name>.xml` and `<name>.log` in the tests folder; its outcomes, or undefined. */
async function pytest(run: PytestRun, name: string, args: string[], env: NodeJS.ProcessEnv) {
  const junit = join(run.testsDir, `${name}.xml`);
  const log = join(run.testsDir, `${name}.log`);
  const argv = ["-m", "pytest", "-p", "no:cacheprovider", "-o", "junit_family=xunit1", `--junitxml=${junit}`];
  argv.push("-q", "--tb=short", ...args);
  // Serialised with the machine's other heavy jobs unless a caller already holds the lock.
  const [command, commandArgs] = run.useLock
    ? ["flock", ["/tmp/heavy.lock", "python3", ...argv]]
    : ["python3", argv];
  const out = run.verbose ? "inherit" : openSync(log, "w");
  const child = spawn(command, commandArgs, {
    cwd: run.testsDir,
    env: { ...run.env, ...env },
    stdio: ["ignore", out, out],
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (existsSync(junit)) return parseJunit(readFileSync(junit, "utf8"));
  console.error(`moto: pytest wrote no report (exit ${code}); see ${log}`);
  if (!run.verbose) console.error(readFileSync(log, "utf8").slice(-4000));
  return undefined;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = motoRunConfig();
  const started = Date.now();
  const testsDir = extractMotoTests(config.checkout, config.ref);
  const front = await startFront();
  const run: PytestRun = {
    testsDir,
    useLock: !config.lockHeld && spawnSync("flock", ["--version"]).status === 0,
    verbose: args.verbose,
    env: {
      ...config.baseEnv,
      PYTHONPATH: pythonPath(testsDir),
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: join(testsDir, "aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(testsDir, "aws-credentials"),
    },
  };
  const fullRun = args.pytestArgs.join(" ") === SUITES.join(" ");
  let results: TestResult[] | undefined;
  try {
    // Server mode: every test in a mock_aws context, its calls sent to the front.
    results = await pytest(run, "server-mode", args.pytestArgs, {
      TEST_SERVER_MODE: "true",
      TEST_SERVER_MODE_ENDPOINT: front.url,
    });
    // AWS mode: the aws_verified tests as moto runs them against AWS (no mock_aws, waits for IAM
    // and for fresh TOTP codes), with every boto3 client pointed at the front.
    if (results && fullRun) {
      const aws = await pytest(run, "aws-mode", ["-m", "aws_verified", ...SUITES], {
        MOTO_TEST_ALLOW_AWS_REQUEST: "true",
        AWS_ENDPOINT_URL: front.url,
      });
      results = aws ? [...results, ...aws.map((r) => ({ ...r, id: `${AWS_MODE} ${r.id}` }))] : undefined;
    }
  } finally {
    await front.close();
  }
  if (!results) return 1;
  if (args.results) writeFileSync(args.results, `${JSON.stringify(results, null, 2)}\n`);
  const expectations = loadExpectations(join(here, "expectations.json"));
  const verdict = judge(results, expectations, awsVerifiedTests(testsDir, SUITES));
  const seconds = Math.round((Date.now() - started) / 1000);
  for (const problem of verdict.problems) console.error(`  ${problem}`);
  for (const id of verdict.nowPassing) console.log(`  now passes (promote to "pass"): ${id}`);
  if (verdict.notRun.length > 0 && fullRun) {
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
