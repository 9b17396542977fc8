import { defineConfig, devices } from "@playwright/test";
import { stack } from "./fixtures/stack";

const localEnv = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  COGNITO_USER_POOL_ID: "us-east-1_LocalPool1",
  COGNITO_CLIENT_IDS: "localweb",
  COGNITO_JWKS_URL: "http://127.0.0.1:9/us-east-1_LocalPool1/.well-known/jwks.json",
};

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: true,
  retries: stack.ci ? 1 : 0,
  workers: stack.ci ? 2 : undefined,
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
        launchOptions: {
          executablePath: stack.chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: stack.local
    ? [
        {
          name: "api",
          command: "node_modules/.bin/tsx src/local/start.ts",
          cwd: "../apps/api",
          url: `${stack.apiUrl}/me`,
          env: { ...localEnv, API_PORT: String(stack.apiPort), WEB_ORIGIN: stack.webUrl },
          reuseExistingServer: false,
          timeout: 60_000,
        },
        {
          name: "web",
          command: `node_modules/.bin/next start --hostname 127.0.0.1 --port ${stack.webPort}`,
          cwd: "../apps/web",
          url: `${stack.webUrl}/api/health`,
          env: { ...localEnv, API_URL: stack.apiUrl, SITE_URL: stack.webUrl },
          reuseExistingServer: false,
          timeout: 120_000,
        },
      ]
    : undefined,
});
