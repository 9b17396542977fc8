/**
 * The cost threat protection adds to a sign-in: ADMIN_USER_PASSWORD_AUTH through the operation
 * handlers in one process (no HTTP), on a pool with threat protection OFF and on one ENFORCED with
 * a risk configuration and a user with 50 earlier sign-ins on record (risk evaluation reads the 20
 * latest),
 * interleaved call by call so both see the same machine; the process's CPU time per sign-in (all
 * threads: the crypto runs off the event loop) is compared round by round, and the median of the rounds' ratios kept. Goal: ≤ 10 % added.
 *
 * Run: `pnpm --filter @repo/emulator exec tsx bench/risk-overhead.ts [rounds]`; exits non-zero when
 * the goal is missed.
 */
import { findOperation } from "../src/cognito-idp/operations";
import { closeOffloadWorkers } from "../src/crypto/offload";
import { createServices } from "../src/server";

const ROUNDS = Number(process.argv[2] ?? 15);
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

/** CPU per sign-in of each pool over one round, the two interleaved call by call (same load on both). */
async function round(off: () => Promise<unknown>, enforced: () => Promise<unknown>) {
  let offMicros = 0;
  let enforcedMicros = 0;
  for (let i = 0; i < SIGN_INS_PER_ROUND; i++) {
    const a = process.cpuUsage();
    await off();
    const b = process.cpuUsage();
    await enforced();
    const c = process.cpuUsage();
    offMicros += b.user + b.system - (a.user + a.system);
    enforcedMicros += c.user + c.system - (b.user + b.system);
  }
  return { off: offMicros / 1000 / SIGN_INS_PER_ROUND, enforced: enforcedMicros / 1000 / SIGN_INS_PER_ROUND };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const off = await pool("OFF");
  const enforced = await pool("ENFORCED");
  const without: number[] = [];
  const withRisk: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const result = await round(off, enforced);
    without.push(result.off);
    withRisk.push(result.enforced);
  }
  await closeOffloadWorkers();
  const base = median(without);
  const risk = median(withRisk);
  // Each round's own ratio (both pools measured under the same conditions), then their median.
  const added = median(withRisk.map((r, i) => r / (without[i] ?? r) - 1));
  console.log(`\nCPU per sign-in, ${ROUNDS} rounds of ${SIGN_INS_PER_ROUND}, Node ${process.version}\n`);
  console.log("| threat protection | CPU per sign-in (median) | added |");
  console.log("|---|---|---|");
  console.log(`| OFF | ${base.toFixed(3)} ms | (median of each round's ratio) |`);
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
