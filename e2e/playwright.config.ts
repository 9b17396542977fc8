import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions, stack } from "./fixtures/stack";

if (!stack.local) {
  // Said on every run against a stage, so QA sees which journeys did not run and why.
  console.log(
    "Skipping the *.local.spec.ts journeys: they read codes from the emulator's outbox, and a deployed stage sends real email and SMS.",
  );
}

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.spec.ts",
  // Journeys that read codes from the emulator's outbox run only against the local stack.
  testIgnore: stack.local ? [] : ["**/*.local.spec.ts"],
  fullyParallel: true,
  forbidOnly: true,
  retries: stack.ci ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: stack.webUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  // The whole local stack (emulator with the synthesized `local` stage, the API bundles behind
  // its gateway, the DynamoDB-compatible store, the production web build), from empty data.
  // Outside CI a running `pnpm dev` is reused.
  webServer: stack.local
    ? {
        command: "node_modules/.bin/tsx ../scripts/local-stack.ts",
        url: `${stack.webUrl}/api/health`,
        env: {
          LOCAL_STACK_MODE: "e2e",
          LOCAL_STACK_SKIP_BUILD: "true",
          WEB_PORT: String(stack.webPort),
          EMULATOR_PORT: String(stack.emulatorPort),
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          NEXT_TELEMETRY_DISABLED: "1",
        },
        reuseExistingServer: !stack.ci,
        timeout: 180_000,
        stdout: "pipe",
        stderr: "pipe",
      }
    : undefined,
});
