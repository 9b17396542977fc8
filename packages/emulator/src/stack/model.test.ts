import { describe, expect, it } from "vitest";
import { StackError } from "./errors";
import { httpApisOf } from "./http-apis";
import { clientIdFor, userPoolIdFor } from "./local-values";
import { loadStack, parseStack } from "./model";
import { parseStackFiles, type StackReader } from "./reader";

/** `${type.name.attr}`, written without a template placeholder in a plain string. */
const ref = (address: string) => `\${${address}}`;
const context = {
  region: "us-east-1",
  accountId: "123456789012",
  origin: "http://127.0.0.1:1",
  secretSeed: "seed",
};
const stackOf = (json: unknown) =>
  parseStack(parseStackFiles([{ file: "cdk.tf.json", text: JSON.stringify(json) }]), context);
const errorOf = (fn: () => unknown): StackError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StackError) return err;
    throw err;
  }
  throw new Error("expected a StackError");
};

const base = {
  resource: {
    aws_cognito_user_pool: {
      users: { name: "users", lambda_config: { pre_sign_up: `${ref("aws_lambda_function.gate.arn")}` } },
    },
    aws_cognito_user_pool_client: {
      web: { name: "web", user_pool_id: `${ref("aws_cognito_user_pool.users.id")}`, generate_secret: true },
      cli: { name: "cli", user_pool_id: `${ref("aws_cognito_user_pool.users.id")}` },
    },
    aws_cognito_user_pool_domain: {
      d: { domain: "my-auth", user_pool_id: `${ref("aws_cognito_user_pool.users.id")}` },
    },
    aws_lambda_function: {
      gate: {
        function_name: "app-gate",
        timeout: "5",
        role: `${ref("aws_iam_role.fn.arn")}`,
        environment: {
          variables: {
            POOL: `${ref("aws_cognito_user_pool.users.id")}`,
            LOGS: `${ref("aws_cloudwatch_log_group.l.arn")}`,
          },
        },
      },
    },
    aws_iam_role: { fn: { name: "gate-role" } },
    aws_cloudwatch_log_group: {
      l: { name: "/aws/lambda/app-gate", retention_in_days: `${ref("aws_nothing.here.id")}` },
    },
  },
  output: {
    hosted_ui_url: {
      value: `https://${ref("aws_cognito_user_pool_domain.d.domain")}.auth.us-east-1.amazoncognito.com`,
    },
    web_client_secret: { value: `${ref("aws_cognito_user_pool_client.web.client_secret")}` },
    logs: { value: `${ref("aws_cloudwatch_log_group.l.arn")}` },
  },
};

describe("parseStack", () => {
  it("resolves references to the local IDs, ARNs and literal arguments", () => {
    const model = stackOf(base);
    const poolId = userPoolIdFor("us-east-1", "users");
    expect(model.userPools[0]).toMatchObject({ address: "aws_cognito_user_pool.users", id: poolId });
    expect(model.userPools[0]?.args.lambda_config?.pre_sign_up).toBe(
      "arn:aws:lambda:us-east-1:123456789012:function:app-gate",
    );
    expect(model.userPoolClients.map((c) => [c.id, c.args.user_pool_id, c.secret !== undefined])).toEqual([
      [clientIdFor("web"), poolId, true],
      [clientIdFor("cli"), poolId, false],
    ]);
    expect(model.functions[0]).toMatchObject({ functionName: "app-gate", args: { timeout: 5 } });
    expect(model.functions[0]?.args.environment?.variables?.POOL).toBe(poolId);
    expect(model.outputs.hosted_ui_url).toBe("http://127.0.0.1:1/_domain/my-auth");
    expect(model.outputs.web_client_secret).toBe(model.userPoolClients[0]?.secret);
  });

  it("keeps a reference to an attribute it has no value for as written, and leaves such an output out", () => {
    const model = stackOf(base);
    expect(model.functions[0]?.args.environment?.variables?.LOGS).toBe(
      `${ref("aws_cloudwatch_log_group.l.arn")}`,
    );
    expect(model.outputs).not.toHaveProperty("logs");
  });

  it("names the resource and attribute of a reference to a resource the stack does not have", () => {
    const json = structuredClone(base) as typeof base & { resource: Record<string, Record<string, unknown>> };
    json.resource.aws_cognito_user_pool_client.cli.user_pool_id = `${ref("aws_cognito_user_pool.gone.id")}`;
    const err = errorOf(() => stackOf(json));
    expect(err).toMatchObject({ resource: "aws_cognito_user_pool_client.cli", attribute: "user_pool_id" });
    expect(err.message).toBe(
      `aws_cognito_user_pool_client.cli: user_pool_id: refers to ${ref("aws_cognito_user_pool.gone.id")}, but the stack has no aws_cognito_user_pool.gone`,
    );
  });

  it("lists a resource type it does not model without reading its arguments", () => {
    const model = stackOf(base);
    // The log group's own broken reference is never resolved: nothing builds it.
    expect(model.resources.map((r) => r.address)).toContain("aws_cloudwatch_log_group.l");
  });

  it("names the resource and attribute of an argument of the wrong kind", () => {
    const json = structuredClone(base) as unknown as {
      resource: { aws_cognito_user_pool: { users: Record<string, unknown> } };
    };
    json.resource.aws_cognito_user_pool.users.password_policy = [{ minimum_length: "ten" }];
    const err = errorOf(() => stackOf(json));
    expect(err).toMatchObject({
      resource: "aws_cognito_user_pool.users",
      attribute: "password_policy.minimum_length",
    });
    expect(err.message).toBe(
      'aws_cognito_user_pool.users: password_policy.minimum_length: expected a number, got "ten"',
    );
  });

  it("refuses an API authorizer that is not a JWT authorizer, naming it", () => {
    const err = errorOf(() =>
      stackOf({
        resource: {
          aws_apigatewayv2_api: { api: { name: "api" } },
          aws_apigatewayv2_authorizer: {
            lambda: { name: "custom", api_id: `${ref("aws_apigatewayv2_api.api.id")}` },
          },
        },
      }),
    );
    expect(err).toMatchObject({
      resource: "aws_apigatewayv2_authorizer.lambda",
      attribute: "jwt_configuration",
    });
  });

  it("refuses CORS credentials with the wildcard origin, as API Gateway does", () => {
    const model = stackOf({
      resource: {
        aws_apigatewayv2_api: {
          api: { name: "api", cors_configuration: { allow_origins: ["*"], allow_credentials: true } },
        },
      },
    });
    const err = errorOf(() => httpApisOf(model));
    expect(err).toMatchObject({ resource: "aws_apigatewayv2_api.api", attribute: "cors_configuration" });
  });

  it("lets a test's values win over the stack's own", () => {
    const model = parseStack(parseStackFiles([{ file: "f", text: JSON.stringify(base) }]), {
      ...context,
      overrides: (type, _name, attr) =>
        type === "aws_cognito_user_pool" && attr === "id" ? "us-east-1_Test" : undefined,
    });
    expect(model.userPoolClients[0]?.args.user_pool_id).toBe("us-east-1_Test");
  });

  it("names the file that is not JSON", () => {
    const err = errorOf(() => parseStackFiles([{ file: "stacks/a/cdk.tf.json", text: "{ nope" }]));
    expect(err.file).toBe("stacks/a/cdk.tf.json");
    expect(err.message).toMatch(/^stacks\/a\/cdk\.tf\.json: not valid JSON/);
  });
});

describe("loadStack", () => {
  it("reads each stack file once and merges them", () => {
    const files: Record<string, string> = {
      "/infra/a/cdk.tf.json": JSON.stringify({ resource: { aws_iam_role: { fn: { name: "fn-role" } } } }),
      "/infra/b/cdk.tf.json": JSON.stringify(base),
    };
    const reads: string[] = [];
    const reader: StackReader = {
      findFiles: () => Object.keys(files),
      readFile: (file) => {
        reads.push(file);
        return files[file] as string;
      },
    };
    const model = loadStack("/infra", context, reader);
    expect(reads).toEqual(["/infra/a/cdk.tf.json", "/infra/b/cdk.tf.json"]);
    expect(model.files).toEqual(reads);
    expect(model.iamRoles.map((r) => r.roleName)).toEqual(["gate-role"]);
  });
});
