import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { type RouteDefinition, type RouteHandlerName, routeKey } from "@repo/api/routes";
import { Construct } from "constructs";
import type { LambdaFunction } from "./lambda-function";

export interface ApiProps {
  prefix: string;
  webOrigin: string;
  /** The JWT authorizer's issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  issuer: string;
  /** Client IDs accepted in `aud` (ID tokens) or `client_id` (access tokens). */
  audience: string[];
  routes: readonly RouteDefinition[];
  handlers: Record<RouteHandlerName, LambdaFunction>;
  logRetentionDays: number;
}

/**
 * The HTTP API: CORS for the web origin, a Cognito JWT authorizer, and one route per entry of
 * apps/api's route table, each with its authorization scopes and its own Lambda integration.
 */
export class Api extends Construct {
  readonly api: Apigatewayv2Api;
  readonly authorizer: Apigatewayv2Authorizer;
  readonly stage: Apigatewayv2Stage;
  readonly routes: Apigatewayv2Route[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.api = new Apigatewayv2Api(this, "http-api", {
      name: `${props.prefix}-api`,
      protocolType: "HTTP",
      corsConfiguration: {
        allowOrigins: [props.webOrigin],
        allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        allowHeaders: ["authorization", "content-type"],
        allowCredentials: true,
        maxAge: 600,
      },
    });

    this.authorizer = new Apigatewayv2Authorizer(this, "jwt", {
      apiId: this.api.id,
      name: "cognito",
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: { issuer: props.issuer, audience: props.audience },
    });

    const accessLogs = new CloudwatchLogGroup(this, "access-logs", {
      name: `/aws/apigateway/${props.prefix}-api`,
      retentionInDays: props.logRetentionDays,
    });
    this.stage = new Apigatewayv2Stage(this, "default-stage", {
      apiId: this.api.id,
      name: "$default",
      autoDeploy: true,
      accessLogSettings: {
        destinationArn: accessLogs.arn,
        format: JSON.stringify({
          requestId: "$context.requestId",
          routeKey: "$context.routeKey",
          status: "$context.status",
          authorizerError: "$context.authorizer.error",
          integrationError: "$context.integrationErrorMessage",
        }),
      },
      defaultRouteSettings: { throttlingBurstLimit: 100, throttlingRateLimit: 50 },
    });

    for (const route of props.routes) {
      const fn = props.handlers[route.handler as RouteHandlerName];
      const integration = new Apigatewayv2Integration(this, `integration-${route.handler}`, {
        apiId: this.api.id,
        integrationType: "AWS_PROXY",
        integrationUri: fn.function.invokeArn,
        integrationMethod: "POST",
        payloadFormatVersion: "2.0",
      });
      this.routes.push(
        new Apigatewayv2Route(this, `route-${route.handler}`, {
          apiId: this.api.id,
          routeKey: routeKey(route),
          target: `integrations/${integration.id}`,
          authorizationType: "JWT",
          authorizerId: this.authorizer.id,
          authorizationScopes: [...route.scopes],
        }),
      );
      new LambdaPermission(this, `invoke-${route.handler}`, {
        statementId: "AllowApiGatewayInvoke",
        action: "lambda:InvokeFunction",
        functionName: fn.function.functionName,
        principal: "apigateway.amazonaws.com",
        sourceArn: `${this.api.executionArn}/*/${route.method}${route.path}`,
      });
    }
  }
}
