export { type ApiGatewayDeps, mountApiGateway } from "./gateway";
export type { JwksResolver } from "./jwt-authorizer";
export type {
  CorsDefinition,
  HttpApiDefinition,
  HttpRouteDefinition,
  JwtAuthorizerDefinition,
} from "./types";
