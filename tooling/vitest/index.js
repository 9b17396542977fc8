// Plain JavaScript so that Vitest can load it from a config file without a TypeScript loader.
import { defineConfig, mergeConfig } from "vitest/config";

/**
 * The repo's one Vitest preset: Node environment, unit tests next to their source, integration
 * tests under `test/`, Playwright specs (`*.spec.ts`) never picked up, focused tests refused.
 */
export const baseConfig = defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/*.spec.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    allowOnly: false,
    passWithNoTests: false,
  },
});

/** @param {import("vitest/config").ViteUserConfig} [config] */
export function withBase(config = {}) {
  return mergeConfig(baseConfig, config);
}
