import { describe, expect, it } from "vitest";
import { FeatureUnavailableInTierException } from "../../src/errors";
import { applyCognito, parseStack, parseStackFiles, type StackModel } from "../../src/stack";
import { useEmulator } from "../support/emulator";

const stackWith = (pool: Record<string, unknown>): StackModel =>
  parseStack(
    parseStackFiles([
      {
        file: "cdk.tf.json",
        text: JSON.stringify({ resource: { aws_cognito_user_pool: { users: { name: "users", ...pool } } } }),
      },
    ]),
    { region: "us-east-1", accountId: "123456789012", origin: "http://127.0.0.1", secretSeed: "seed" },
  );

describe("feature plans in the Terraform stack", () => {
  const t = useEmulator();

  it("refuses a pool with threat protection and no user_pool_tier, naming the pool, tier and feature", () => {
    const load = () =>
      applyCognito(
        t.emulator.services,
        stackWith({ user_pool_add_ons: { advanced_security_mode: "ENFORCED" } }),
      );
    expect(load).toThrow(FeatureUnavailableInTierException);
    expect(load).toThrow(
      "aws_cognito_user_pool.users (user_pool_tier ESSENTIALS): The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection. Set user_pool_tier to a plan that includes them.",
    );
  });

  it("loads the same pool on PLUS", () => {
    const result = applyCognito(
      t.emulator.services,
      stackWith({ user_pool_tier: "PLUS", user_pool_add_ons: { advanced_security_mode: "ENFORCED" } }),
    );
    expect(result.pools.map((p) => p.resource)).toEqual(["users"]);
  });
});
