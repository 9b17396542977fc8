import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  excludeFromRehearsal,
  prepareRehearsalStack,
  RehearsalError,
  rehearsalExclusions,
  rehearsalProvider,
} from "./rehearsal";
import { AppStack } from "./stacks/app-stack";
import { loadStage } from "./stages";
import { placeholderBundles } from "./test-support";

/** A Terraform expression, `${expr}`, as it appears in synthesized JSON. */
const tf = (expr: string) => `\${${expr}}`;

const stack = {
  resource: {
    aws_cognito_identity_pool: { pool: { identity_pool_name: "p" } },
    aws_cognito_identity_pool_roles_attachment: {
      roles: { identity_pool_id: tf("aws_cognito_identity_pool.pool.id") },
    },
    aws_cognito_risk_configuration: { risk: { user_pool_id: "x" } },
  },
  output: { pool: { value: tf("aws_cognito_identity_pool.pool.id") } },
  terraform: { backend: { local: { path: "/abs/terraform.local.tfstate" } } },
};

describe("prepareRehearsalStack", () => {
  it("removes exactly the excluded resource types and reports them", () => {
    const { stack: out, removed } = prepareRehearsalStack(stack);
    expect(Object.keys(out.resource ?? {})).toEqual(["aws_cognito_identity_pool"]);
    expect(removed).toEqual([
      "aws_cognito_identity_pool_roles_attachment.roles",
      "aws_cognito_risk_configuration.risk",
    ]);
    expect(rehearsalExclusions.map((e) => e.type)).toEqual([
      "aws_cognito_identity_pool_roles_attachment",
      "aws_cognito_risk_configuration",
    ]);
  });

  it("keeps state next to the rehearsal stack, never in the deploy state file", () => {
    expect(prepareRehearsalStack(stack).stack.terraform).toEqual({
      backend: { local: { path: "terraform.tfstate" } },
    });
    expect(stack.terraform.backend.local.path).toBe("/abs/terraform.local.tfstate");
  });

  it("refuses to exclude a resource something else still refers to", () => {
    const referenced = {
      ...stack,
      output: { roles: { value: tf("aws_cognito_identity_pool_roles_attachment.roles.id") } },
    };
    expect(() => prepareRehearsalStack(referenced)).toThrow(RehearsalError);
  });
});

describe("rehearsalProvider", () => {
  it("points every service at moto, with fake keys and a single retry", () => {
    const p = rehearsalProvider("http://127.0.0.1:4566");
    expect(p.maxRetries).toBe(1);
    expect(p.skipCredentialsValidation).toBe(true);
    const endpoints = (p.endpoints as Record<string, string>[])[0] ?? {};
    expect(Object.values(endpoints).every((e) => e === "http://127.0.0.1:4566")).toBe(true);
    expect(Object.keys(endpoints)).toEqual(
      expect.arrayContaining(["cognitoidp", "cognitoidentity", "iam", "lambda"]),
    );
  });
});

describe("excludeFromRehearsal (cdktf deploy against moto)", () => {
  it("removes the excluded resources from the construct tree and moves the state aside", () => {
    const stack = new AppStack(Testing.app(), "local", {
      stage: loadStage("local", {}),
      apiDistDir: placeholderBundles(),
      provider: rehearsalProvider("http://127.0.0.1:4566"),
      localStatePath: "../../../.local/rehearsal/terraform.tfstate",
    });
    const removed = excludeFromRehearsal(stack);
    expect(removed).toEqual([
      "aws_cognito_risk_configuration local/platform/auth/risk",
      "aws_cognito_identity_pool_roles_attachment local/platform/identity/roles",
    ]);
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource)).not.toContain("aws_cognito_identity_pool_roles_attachment");
    expect(Object.keys(json.resource)).not.toContain("aws_cognito_risk_configuration");
    expect(Object.keys(json.resource)).toContain("aws_cognito_identity_pool");
    expect(json.terraform.backend).toEqual({
      local: { path: "../../../.local/rehearsal/terraform.tfstate" },
    });
  });
});
