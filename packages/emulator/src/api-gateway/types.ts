/** An HTTP API as API Gateway (v2) models it, resolved to local values. */
export interface HttpApiDefinition {
  /** The API's name: it is served under `/_api/<name>/`. */
  name: string;
  id: string;
  routes: HttpRouteDefinition[];
  authorizers: Record<string, JwtAuthorizerDefinition>;
  cors?: CorsDefinition;
}

export interface HttpRouteDefinition {
  /** `GET /notes/{noteId}`, `ANY /{proxy+}` or `$default`. */
  routeKey: string;
  authorizationType: "NONE" | "JWT";
  authorizerId?: string;
  authorizationScopes?: string[];
  /** The Lambda function (name or ARN) of the route's AWS_PROXY integration, payload 2.0. */
  functionName: string;
}

export interface JwtAuthorizerDefinition {
  name: string;
  /** `$request.header.Authorization` */
  identitySource: string;
  issuer: string;
  audience: string[];
}

export interface CorsDefinition {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  allowCredentials: boolean;
  maxAge?: number;
}
