/**
 * `pnpm bench` (e2e): server time of the dashboard (authenticated: the session with its user and
 * Cognito account in one query, then GET /dashboard through the local API Gateway and a Lambda
 * bundle) next to the home page (anonymous), on the local stack in production mode. Goal: ≤ 1.5x.
 *
 * It starts the local stack itself (like the e2e suites), signs a seeded user in once through the
 * hosted UI in Chromium, then times sequential requests with that session cookie.
 */
import { spawn } from "node:child_process";
import { cpus } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions, stack } from "../fixtures/stack";
import { seedUser } from "../fixtures/users";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;

async function main() {
  const server = spawn("node_modules/.bin/tsx", ["../scripts/local-stack.ts"], {
    env: { ...process.env, LOCAL_STACK_MODE: "e2e", LOCAL_STACK_SKIP_BUILD: "true" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let ready = false;
  server.stdout?.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("local stack ready")) ready = true;
  });
  try {
    for (let i = 0; i < 900 && !ready; i++) await delay(200);
    if (!ready) throw new Error("the local stack did not start");

    const user = await seedUser();
    const browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage({ baseURL: stack.webUrl });
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByLabel("Password", { exact: true }).waitFor();
    await page
      .getByLabel(/username|email/i)
      .first()
      .fill(user.username);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
    const cookie = (await page.context().cookies())
      .filter((c) => c.name.includes("next-auth"))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    await browser.close();

    const time = async (path: string, headers: Record<string, string>) => {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        const started = performance.now();
        const res = await fetch(`${stack.webUrl}${path}`, { headers, redirect: "manual" });
        await res.text();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        if (i >= WARMUP) samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      const at = (q: number) =>
        samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
      return { p50: at(0.5), p95: at(0.95) };
    };
    const home = await time("/", {});
    const dashboard = await time("/dashboard", { cookie });
    await user.remove();

    const ratio = dashboard.p50 / home.p50;
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}; local stack, next start`,
    );
    console.log(`${REQUESTS} sequential requests each after ${WARMUP} warm-up`);
    console.log(`home (anonymous)          p50 ${home.p50.toFixed(1)} ms   p95 ${home.p95.toFixed(1)} ms`);
    console.log(
      `dashboard (authenticated) p50 ${dashboard.p50.toFixed(1)} ms   p95 ${dashboard.p95.toFixed(1)} ms`,
    );
    console.log(`ratio (p50)               ${ratio.toFixed(2)}x  (goal ≤ 1.5x)`);
    if (ratio > 1.5) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
