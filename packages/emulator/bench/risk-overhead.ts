/**
 * The cost threat protection adds to a sign-in: ADMIN_USER_PASSWORD_AUTH through the operation
 * handlers in one process (no HTTP), on a pool with threat protection OFF and on one ENFORCED with
 * a risk configuration and a user with 50 earlier sign-ins on record (risk evaluation reads them),
 * in alternating rounds; the process's CPU time per sign-in (all threads: the crypto runs off the
 * event loop) is compared. Goal: ≤ 10 % added.
 *
 * Run: `pnpm --filter @repo/emulator exec tsx bench/risk-overhead.ts [rounds]`; exits non-zero when
 * the goal is missed.
 */
import { findOperation } from "../src/cognito-idp/operations";
import { closeOffloadWorkers } from "../src/crypto/offload";
import { createServices } from "../src/server";

const ROUNDS = Number(process.argv[2] ?? 7);
const SIGN_INS_PER_ROUND = 300;
const GOAL = 0.1;
const PASSWORD = "Bench-Passw0rd!";

const services = createServices({ port: 0, storePath: ":memory:" });
async function call<T>(op: string, body: unknown): Promise<T> {
  const operation = findOperation(op);
  if (!operation) throw new Error(`no operation ${op}`);
  return (await operation.handle(body, services, { sourceIp: "198.51.100.7", userAgent: "bench" })) as T;
}

async function pool(mode: "OFF" | "ENFORCED") {
  const { UserPool } = await call<{ UserPool: { Id: string } }>("CreateUserPool", {
    PoolName: `bench-${mode}`,
    UserPoolAddOns: { AdvancedSecurityMode: mode },
  });
  const { UserPoolClient } = await call<{ UserPoolClient: { ClientId: string } }>("CreateUserPoolClient", {
    UserPoolId: UserPool.Id,
    ClientName: "bench",
    ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  });
  if (mode === "ENFORCED") {
    await call("SetRiskConfiguration", {
      UserPoolId: UserPool.Id,
      AccountTakeoverRiskConfiguration: {
        Actions: {
          LowAction: { EventAction: "NO_ACTION", Notify: false },
          MediumAction: { EventAction: "MFA_IF_CONFIGURED", Notify: false },
          HighAction: { EventAction: "BLOCK", Notify: false },
        },
      },
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: "BLOCK" } },
    });
  }
  await call("AdminCreateUser", { UserPoolId: UserPool.Id, Username: "bench", MessageAction: "SUPPRESS" });
  await call("AdminSetUserPassword", {
    UserPoolId: UserPool.Id,
    Username: "bench",
    Password: PASSWORD,
    Permanent: true,
  });
  const signIn = () =>
    call("AdminInitiateAuth", {
      UserPoolId: UserPool.Id,
      ClientId: UserPoolClient.ClientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: "bench", PASSWORD },
    });
  for (let i = 0; i < 50; i++) await signIn(); // history on record (and warm-up)
  return signIn;
}

async function cpuPerSignIn(signIn: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < SIGN_INS_PER_ROUND; i++) await signIn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / SIGN_INS_PER_ROUND;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const off = await pool("OFF");
  const enforced = await pool("ENFORCED");
  const without: number[] = [];
  const withRisk: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    without.push(await cpuPerSignIn(off));
    withRisk.push(await cpuPerSignIn(enforced));
  }
  await closeOffloadWorkers();
  const base = median(without);
  const risk = median(withRisk);
  const added = (risk - base) / base;
  console.log(`\nCPU per sign-in, ${ROUNDS} rounds of ${SIGN_INS_PER_ROUND}, Node ${process.version}\n`);
  console.log("| threat protection | CPU per sign-in (median) | added |");
  console.log("|---|---|---|");
  console.log(`| OFF | ${base.toFixed(3)} ms | |`);
  console.log(
    `| ENFORCED (risk + compromised credentials, 50 events on record) | ${risk.toFixed(3)} ms | ${(added * 100).toFixed(1)} % |`,
  );
  if (added > GOAL) {
    console.log(`\nGoal missed: ${(added * 100).toFixed(1)} % added (goal ≤ ${GOAL * 100} %).`);
    process.exitCode = 1;
  } else console.log("\nGoal met.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
