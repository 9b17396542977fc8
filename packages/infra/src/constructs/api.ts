import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { type RouteDefinition, type RouteHandlerName, routeKey } from "@repo/api/routes";
import { Construct } from "constructs";
import type { LambdaFunction } from "./lambda-function";

/** One JSON line per request in the access log group (`$context` variables of HTTP APIs). */
export const accessLogFormat = {
  requestId: "$context.requestId",
  sourceIp: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  path: "$context.path",
  routeKey: "$context.routeKey",
  status: "$context.status",
  protocol: "$context.protocol",
  latency: "$context.responseLatency",
  integrationLatency: "$context.integrationLatency",
  responseLength: "$context.responseLength",
  authorizerError: "$context.authorizer.error",
  integrationError: "$context.integrationErrorMessage",
  integrationStatus: "$context.integration.status",
};

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
  /** Every route's throttling (the stage's default route settings). */
  throttling: { burstLimit: number; rateLimit: number };
  /** Serve the API on this domain (regional endpoint, ACM certificate in the API's region). */
  customDomain?: { domainName: string; certificateArn: string };
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
  readonly domain: Apigatewayv2DomainName | undefined;
  /** The API's base URL: the custom domain's, or the execute-api endpoint. */
  readonly url: string;

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
        format: JSON.stringify(accessLogFormat),
      },
      defaultRouteSettings: {
        // Per-route metrics (Count, 4xx, 5xx, Latency by route), not only the API's totals.
        detailedMetricsEnabled: true,
        throttlingBurstLimit: props.throttling.burstLimit,
        throttlingRateLimit: props.throttling.rateLimit,
      },
    });

    if (props.customDomain) {
      this.domain = new Apigatewayv2DomainName(this, "domain", {
        domainName: props.customDomain.domainName,
        domainNameConfiguration: {
          certificateArn: props.customDomain.certificateArn,
          endpointType: "REGIONAL",
          securityPolicy: "TLS_1_2",
        },
      });
      new Apigatewayv2ApiMapping(this, "mapping", {
        apiId: this.api.id,
        domainName: this.domain.id,
        stage: this.stage.id,
      });
      this.url = `https://${props.customDomain.domainName}`;
    } else {
      this.url = this.api.apiEndpoint;
    }

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
