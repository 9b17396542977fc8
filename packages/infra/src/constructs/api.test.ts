import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { routeFunctions, triggerFunctions } from "@repo/api/functions";
import { routeKey, routes } from "@repo/api/routes";
import { describe, expect, it } from "vitest";
import type { PolicyStatement } from "../policy";
import { expectResource, ref, resourcesOf, resourceWhere, synthStage } from "../test-support";

const local = synthStage("local");
const prod = synthStage("prod");

const apiId = ref(local, Apigatewayv2Api, {}, "id");
const authorizerId = ref(local, Apigatewayv2Authorizer, {}, "id");
const fnRef = (name: string, attr: string) =>
  ref(local, LambdaFunction, { function_name: `acme-notes-local-${name}` }, attr);

describe("API: HTTP API and JWT authorizer", () => {
  it("allows CORS from the web origin only", () => {
    expectResource(local, Apigatewayv2Api, {
      protocol_type: "HTTP",
      cors_configuration: { allow_origins: ["http://localhost:3000"], allow_credentials: true },
    });
    expectResource(prod, Apigatewayv2Api, {
      cors_configuration: { allow_origins: ["https://notes.example.com"] },
    });
  });

  it("checks Cognito's issuer and the web, mobile and server client IDs", () => {
    const poolId = ref(local, CognitoUserPool, {}, "id");
    const client = (n: string) => ref(local, CognitoUserPoolClient, { name: `acme-notes-local-${n}` }, "id");
    expectResource(local, Apigatewayv2Authorizer, {
      api_id: apiId,
      authorizer_type: "JWT",
      identity_sources: ["$request.header.Authorization"],
      jwt_configuration: {
        issuer: `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`,
        audience: [client("web"), client("mobile"), client("server")],
      },
    });
    const prodIssuer = (
      resourceWhere(prod, Apigatewayv2Authorizer, {}).jwt_configuration as { issuer: string }
    ).issuer;
    expect(prodIssuer).toMatch(
      /^https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/\$\{aws_cognito_user_pool\./,
    );
  });

  it("deploys the $default stage with access logs kept for the stage's retention", () => {
    expectResource(local, Apigatewayv2Stage, { api_id: apiId, name: "$default", auto_deploy: true });
    expectResource(local, CloudwatchLogGroup, {
      name: "/aws/apigateway/acme-notes-local-api",
      retention_in_days: 1,
    });
    expectResource(prod, CloudwatchLogGroup, {
      name: "/aws/apigateway/acme-notes-prod-api",
      retention_in_days: 90,
    });
  });
});

describe("API: routes from apps/api's route table", () => {
  it("has exactly one route per table entry", () => {
    const keys = Object.values(resourcesOf(local, Apigatewayv2Route)).map((r) => r.route_key);
    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
  });

  it.each(routes.map((r) => [routeKey(r), r] as const))(
    "%s: JWT authorizer with its scopes",
    (key, route) => {
      const integration = ref(
        local,
        Apigatewayv2Integration,
        { integration_uri: fnRef(route.handler, "invoke_arn") },
        "id",
      );
      expectResource(local, Apigatewayv2Route, {
        api_id: apiId,
        route_key: key,
        authorization_type: "JWT",
        authorizer_id: authorizerId,
        authorization_scopes: [...route.scopes],
        target: `integrations/${integration}`,
      });
      expectResource(local, Apigatewayv2Integration, {
        integration_type: "AWS_PROXY",
        payload_format_version: "2.0",
        integration_uri: fnRef(route.handler, "invoke_arn"),
      });
      expectResource(local, LambdaPermission, {
        principal: "apigateway.amazonaws.com",
        function_name: fnRef(route.handler, "function_name"),
        source_arn: `${ref(local, Apigatewayv2Api, {}, "execution_arn")}/*/${route.method}${route.path}`,
      });
    },
  );
});

describe("API: Lambda functions", () => {
  const all = [...routeFunctions, ...triggerFunctions];

  it("creates one function per handler and trigger bundle, nothing else", () => {
    const names = Object.values(resourcesOf(local, LambdaFunction)).map((f) => f.function_name);
    expect(names.sort()).toEqual(all.map((n) => `acme-notes-local-${n}`).sort());
  });

  it.each(all)("%s: zipped bundle, own role, own log group with retention", (name) => {
    const fn = resourceWhere(local, LambdaFunction, { function_name: `acme-notes-local-${name}` });
    expect(fn).toMatchObject({
      handler: "index.handler",
      runtime: "nodejs22.x",
      role: ref(local, IamRole, { name: `acme-notes-local-${name}-role` }, "arn"),
    });
    expect(fn.filename).toMatch(
      new RegExp(`^assets/platform_fn-${name}_bundle_[0-9A-F]+/[0-9A-F]+/archive\\.zip$`),
    );
    expect(fn.source_code_hash).toMatch(/^[0-9A-F]{32,}$/);
    expectResource(local, CloudwatchLogGroup, {
      name: `/aws/lambda/acme-notes-local-${name}`,
      retention_in_days: 1,
    });
    expect(fn.timeout).toBe(triggerFunctions.includes(name as never) ? 5 : 10);
  });

  it("route handlers get the pool, every client ID and the app table", () => {
    const env = (
      resourceWhere(local, LambdaFunction, { function_name: "acme-notes-local-get-me" }).environment as {
        variables: Record<string, string>;
      }
    ).variables;
    const client = (n: string) => ref(local, CognitoUserPoolClient, { name: `acme-notes-local-${n}` }, "id");
    expect(env).toEqual({
      COGNITO_USER_POOL_ID: ref(local, CognitoUserPool, {}, "id"),
      COGNITO_CLIENT_IDS: `${client("web")},${client("mobile")},${client("server")}`,
      APP_TABLE: ref(local, DynamodbTable, { name: "acme-notes-local-app" }, "name"),
    });
  });

  it("triggers do not get the pool ID (that would be a dependency cycle)", () => {
    const env = (
      resourceWhere(local, LambdaFunction, { function_name: "acme-notes-local-pre-sign-up" }).environment as {
        variables: Record<string, string>;
      }
    ).variables;
    expect(Object.keys(env).sort()).toEqual(["APP_NAME", "APP_TABLE", "APP_URL", "BLOCKED_EMAIL_DOMAINS"]);
    expect(env.BLOCKED_EMAIL_DOMAINS).toBe("blocked.example");
  });

  const policyOf = (name: string): PolicyStatement[] => {
    const role = ref(local, IamRole, { name: `acme-notes-local-${name}-role` }, "id");
    return JSON.parse(resourceWhere(local, IamRolePolicy, { role }).policy as string).Statement;
  };
  const appTable = ref(local, DynamodbTable, { name: "acme-notes-local-app" }, "arn");
  const pool = ref(local, CognitoUserPool, {}, "arn");

  it.each([
    ["get-me", [{ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: appTable }]],
    ["create-note", [{ Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: appTable }]],
    ["delete-note", [{ Effect: "Allow", Action: ["dynamodb:DeleteItem"], Resource: appTable }]],
    ["list-users", [{ Effect: "Allow", Action: "cognito-idp:ListUsers", Resource: pool }]],
    [
      "post-confirmation",
      [
        { Effect: "Allow", Action: "cognito-idp:AdminAddUserToGroup", Resource: pool },
        { Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: appTable },
      ],
    ],
    ["pre-sign-up", []],
  ])("%s may only do what its code does, besides writing its logs", (name, expected) => {
    const logs = ref(local, CloudwatchLogGroup, { name: `/aws/lambda/acme-notes-local-${name}` }, "arn");
    expect(policyOf(name)).toEqual([
      { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logs}:*` },
      ...expected,
    ]);
  });

  it("no function role trusts anything but Lambda", () => {
    for (const name of all) {
      const trust = JSON.parse(
        resourceWhere(local, IamRole, { name: `acme-notes-local-${name}-role` }).assume_role_policy as string,
      );
      expect(trust.Statement).toEqual([
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ]);
    }
  });
});
