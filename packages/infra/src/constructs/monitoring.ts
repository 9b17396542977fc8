import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import type { LambdaFunction } from "./lambda-function";

/** Every alarm evaluates 5-minute periods. */
export const ALARM_PERIOD_SECONDS = 300;

/**
 * What each alarm watches and when it fires, in one table (docs/deploy.md, "Alarms", is written
 * from it). Thresholds are per period of {@link ALARM_PERIOD_SECONDS}.
 */
export const alarmRules = {
  lambdaErrors: { threshold: 1, periods: 1, meaning: "the function threw or timed out at least once" },
  lambdaThrottles: {
    threshold: 1,
    periods: 1,
    meaning: "Lambda refused at least one invocation (concurrency)",
  },
  api5xxRate: {
    threshold: 1,
    periods: 2,
    meaning: "more than 1% of API requests answered 5xx, two periods in a row",
  },
  api4xxRate: {
    threshold: 20,
    periods: 3,
    meaning: "more than 20% of API requests answered 4xx (401/403 included), three periods in a row",
  },
  cognitoThrottles: {
    threshold: 1,
    periods: 1,
    meaning: "Cognito throttled at least one request of this kind",
  },
} as const;

/** Cognito's user-pool throttle metrics (namespace AWS/Cognito, dimensions UserPool + UserPoolClient). */
export const cognitoThrottleMetrics = [
  "SignUpThrottles",
  "SignInThrottles",
  "TokenRefreshThrottles",
  "FederationThrottles",
] as const;

export interface MonitoringProps {
  prefix: string;
  functions: Record<string, LambdaFunction>;
  apiId: string;
  apiStageName: string;
  userPoolId: string;
  clientIds: string[];
  /** Addresses subscribed to the alarm topic (each confirms by email). */
  alarmEmails: readonly string[];
}

/**
 * The stage's alarms and where they go: one SNS topic `<app>-<stage>-alarms`, Lambda errors and
 * throttles per function, the API's 5xx and 4xx rates, Cognito's throttles. Alarms also notify when
 * they return to OK.
 */
export class Monitoring extends Construct {
  readonly topic: SnsTopic;
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, "alarms", { name: `${props.prefix}-alarms` });
    props.alarmEmails.forEach((email, i) => {
      new SnsTopicSubscription(this, `alarm-email-${i}`, {
        topicArn: this.topic.arn,
        protocol: "email",
        endpoint: email,
      });
    });
    const actions = { alarmActions: [this.topic.arn], okActions: [this.topic.arn] };
    const common = {
      ...actions,
      period: ALARM_PERIOD_SECONDS,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
    };

    for (const [name, fn] of Object.entries(props.functions)) {
      for (const [metric, rule] of [
        ["Errors", alarmRules.lambdaErrors],
        ["Throttles", alarmRules.lambdaThrottles],
      ] as const) {
        this.alarms.push(
          new CloudwatchMetricAlarm(this, `${name}-${metric.toLowerCase()}`, {
            ...common,
            alarmName: `${props.prefix}-${name}-${metric.toLowerCase()}`,
            alarmDescription: `${props.prefix}-${name}: ${rule.meaning}`,
            namespace: "AWS/Lambda",
            metricName: metric,
            dimensions: { FunctionName: fn.function.functionName },
            statistic: "Sum",
            threshold: rule.threshold,
            evaluationPeriods: rule.periods,
          }),
        );
      }
    }

    const apiMetric = (metricName: string) => ({
      namespace: "AWS/ApiGateway",
      metricName,
      dimensions: { ApiId: props.apiId, Stage: props.apiStageName },
      period: ALARM_PERIOD_SECONDS,
      stat: "Sum",
    });
    for (const [status, rule] of [
      ["5xx", alarmRules.api5xxRate],
      ["4xx", alarmRules.api4xxRate],
    ] as const) {
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `api-${status}-rate`, {
          ...actions,
          alarmName: `${props.prefix}-api-${status}-rate`,
          alarmDescription: `${props.prefix} API: ${rule.meaning}`,
          comparisonOperator: "GreaterThanThreshold",
          treatMissingData: "notBreaching",
          threshold: rule.threshold,
          evaluationPeriods: rule.periods,
          metricQuery: [
            { id: "errors", metric: apiMetric(status), returnData: false },
            { id: "requests", metric: apiMetric("Count"), returnData: false },
            {
              id: "rate",
              expression: "IF(requests > 0, 100 * errors / requests, 0)",
              label: `${status} rate (%)`,
              returnData: true,
            },
          ],
        }),
      );
    }

    // One alarm per kind of throttle, summed over the pool's clients.
    for (const metric of cognitoThrottleMetrics) {
      const rule = alarmRules.cognitoThrottles;
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `cognito-${metric}`, {
          ...actions,
          alarmName: `${props.prefix}-cognito-${metric}`,
          alarmDescription: `${props.prefix} user pool: ${rule.meaning} (${metric})`,
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          treatMissingData: "notBreaching",
          threshold: rule.threshold,
          evaluationPeriods: rule.periods,
          metricQuery: [
            ...props.clientIds.map((clientId, i) => ({
              id: `c${i}`,
              metric: {
                namespace: "AWS/Cognito",
                metricName: metric,
                dimensions: { UserPool: props.userPoolId, UserPoolClient: clientId },
                period: ALARM_PERIOD_SECONDS,
                stat: "Sum",
              },
              returnData: false,
            })),
            {
              id: "total",
              expression: `SUM([${props.clientIds.map((_, i) => `c${i}`).join(", ")}])`,
              label: `${metric} (all clients)`,
              returnData: true,
            },
          ],
        }),
      );
    }
  }
}
