import { describe, expect, it } from "vitest";
import { loadCognitoFromTerraform } from "../../src/config/cognito";
import type { TerraformStack } from "../../src/config/terraform";
import { FeatureUnavailableInTierException } from "../../src/errors";
import { useEmulator } from "../support/emulator";

const stackWith = (pool: Record<string, unknown>): TerraformStack =>
  ({
    resources: { aws_cognito_user_pool: { users: { name: "users", ...pool } } },
  }) as unknown as TerraformStack;

describe("feature plans in the Terraform stack", () => {
  const t = useEmulator();

  it("refuses a pool with threat protection and no user_pool_tier, naming the pool, tier and feature", () => {
    const load = () =>
      loadCognitoFromTerraform(
        t.emulator.services,
        stackWith({ user_pool_add_ons: { advanced_security_mode: "ENFORCED" } }),
      );
    expect(load).toThrow(FeatureUnavailableInTierException);
    expect(load).toThrow(
      "aws_cognito_user_pool.users (user_pool_tier ESSENTIALS): The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection. Set user_pool_tier to a plan that includes them.",
    );
  });

  it("loads the same pool on PLUS", () => {
    const result = loadCognitoFromTerraform(
      t.emulator.services,
      stackWith({ user_pool_tier: "PLUS", user_pool_add_ons: { advanced_security_mode: "ENFORCED" } }),
    );
    expect(result.pools.map((p) => p.resource)).toEqual(["users"]);
  });
});
