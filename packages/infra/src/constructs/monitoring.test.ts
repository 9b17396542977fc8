import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { describe, expect, it } from "vitest";
import { functionNames } from "../../scripts/lib/api-bundles";
import { type StageName, stageNames } from "../stages";
import { ref, resourcesOf, resourceWhere, type Synthesized, synthStage } from "../test-support";
import { alarmRules, cognitoThrottleMetrics } from "./monitoring";

const synths = Object.fromEntries(stageNames.map((n) => [n, synthStage(n)])) as Record<
  StageName,
  Synthesized
>;
const alarms = (s: Synthesized) => Object.values(resourcesOf(s, CloudwatchMetricAlarm));
const alarm = (s: Synthesized, name: string) => resourceWhere(s, CloudwatchMetricAlarm, { alarm_name: name });

describe.each(stageNames)("observability of %s", (stage) => {
  const s = synths[stage];
  const prefix = `acme-notes-${stage}`;
  const topic = ref(s, SnsTopic, { name: `${prefix}-alarms` }, "arn");

  it("sends every alarm, and its recovery, to the stage's topic", () => {
    expect(alarms(s)).toHaveLength(functionNames.length * 2 + 2 + cognitoThrottleMetrics.length);
    for (const a of alarms(s)) {
      expect(a.alarm_actions).toEqual([topic]);
      expect(a.ok_actions).toEqual([topic]);
      expect(a.treat_missing_data).toBe("notBreaching");
    }
  });

  it.each(functionNames)("alarms on errors and throttles of %s", (fn) => {
    const name = ref(s, LambdaFunction, { function_name: `${prefix}-${fn}` }, "function_name");
    for (const [metric, rule] of [
      ["Errors", alarmRules.lambdaErrors],
      ["Throttles", alarmRules.lambdaThrottles],
    ] as const) {
      expect(alarm(s, `${prefix}-${fn}-${metric.toLowerCase()}`)).toMatchObject({
        namespace: "AWS/Lambda",
        metric_name: metric,
        dimensions: { FunctionName: name },
        statistic: "Sum",
        period: 300,
        threshold: rule.threshold,
        evaluation_periods: rule.periods,
        comparison_operator: "GreaterThanOrEqualToThreshold",
      });
    }
  });

  it.each(["5xx", "4xx"] as const)("alarms on the API's %s rate", (status) => {
    const a = alarm(s, `${prefix}-api-${status}-rate`);
    const rule = status === "5xx" ? alarmRules.api5xxRate : alarmRules.api4xxRate;
    expect(a).toMatchObject({
      threshold: rule.threshold,
      evaluation_periods: rule.periods,
      comparison_operator: "GreaterThanThreshold",
    });
    const dims = { ApiId: ref(s, Apigatewayv2Api, {}, "id"), Stage: "$default" };
    expect(a.metric_query).toEqual([
      {
        id: "errors",
        return_data: false,
        metric: {
          namespace: "AWS/ApiGateway",
          metric_name: status,
          dimensions: dims,
          period: 300,
          stat: "Sum",
        },
      },
      {
        id: "requests",
        return_data: false,
        metric: {
          namespace: "AWS/ApiGateway",
          metric_name: "Count",
          dimensions: dims,
          period: 300,
          stat: "Sum",
        },
      },
      {
        id: "rate",
        expression: "IF(requests > 0, 100 * errors / requests, 0)",
        label: `${status} rate (%)`,
        return_data: true,
      },
    ]);
  });

  it.each(cognitoThrottleMetrics)("alarms on Cognito's %s over every client", (metric) => {
    const a = alarm(s, `${prefix}-cognito-${metric}`);
    const pool = ref(s, CognitoUserPool, {}, "id");
    const clients = ["web", "mobile", "server"].map((c) =>
      ref(s, CognitoUserPoolClient, { name: `${prefix}-${c}` }, "id"),
    );
    const queries = a.metric_query as {
      id: string;
      expression?: string;
      metric?: { dimensions: Record<string, string> };
    }[];
    expect(queries.slice(0, 3).map((q) => q.metric?.dimensions)).toEqual(
      clients.map((c) => ({ UserPool: pool, UserPoolClient: c })),
    );
    expect(queries[3]).toMatchObject({ id: "total", expression: "SUM([c0, c1, c2])", return_data: true });
  });

  it("logs every API request as JSON with who, what, how long and what failed; per-route metrics", () => {
    const st = resourceWhere(s, Apigatewayv2Stage, {});
    const format = JSON.parse((st.access_log_settings as { format: string }).format);
    expect(format).toMatchObject({
      sourceIp: "$context.identity.sourceIp",
      requestTime: "$context.requestTime",
      httpMethod: "$context.httpMethod",
      routeKey: "$context.routeKey",
      status: "$context.status",
      latency: "$context.responseLatency",
      responseLength: "$context.responseLength",
      authorizerError: "$context.authorizer.error",
      integrationError: "$context.integrationErrorMessage",
    });
    expect(st.default_route_settings).toMatchObject({ detailed_metrics_enabled: true });
  });

  it("functions log JSON into their own log group", () => {
    for (const fn of functionNames) {
      const f = resourceWhere(s, LambdaFunction, { function_name: `${prefix}-${fn}` });
      expect(f.logging_config).toEqual({
        log_format: "JSON",
        application_log_level: "INFO",
        system_log_level: "WARN",
        log_group: ref(s, CloudwatchLogGroup, { name: `/aws/lambda/${prefix}-${fn}` }, "name"),
      });
    }
  });
});

describe("tracing and alarm subscriptions per stage", () => {
  it("prod traces every function with X-Ray and may write traces; dev and local do not", () => {
    for (const f of Object.values(resourcesOf(synths.prod, LambdaFunction))) {
      expect(f.tracing_config).toEqual({ mode: "Active" });
    }
    const policies = Object.values(resourcesOf(synths.prod, IamRolePolicy)).filter(
      (p) => p.name === "least-privilege",
    );
    expect(policies).toHaveLength(functionNames.length);
    for (const p of policies) expect(p.policy).toContain("xray:PutTraceSegments");
    for (const stage of ["local", "dev"] as const) {
      for (const f of Object.values(resourcesOf(synths[stage], LambdaFunction)))
        expect(f).not.toHaveProperty("tracing_config");
      expect(JSON.stringify(resourcesOf(synths[stage], IamRolePolicy))).not.toContain("xray:");
    }
  });

  it("subscribes the stage's alarm emails to its topic", () => {
    expect(Object.values(resourcesOf(synths.prod, SnsTopicSubscription))).toEqual([
      expect.objectContaining({
        protocol: "email",
        endpoint: "ops@notes.example.com",
        topic_arn: ref(synths.prod, SnsTopic, {}, "arn"),
      }),
    ]);
    expect(resourcesOf(synths.dev, SnsTopicSubscription)).toEqual({});
  });
});
