import type { Hono } from "hono";
import type { Services } from "../cognito-idp/services";
import { discovery } from "./endpoints/discovery";

/**
 * Mounts the hosted UI: OIDC discovery under `/{poolId}/.well-known/`, and each pool domain's
 * OAuth 2.0 endpoints and pages under `/_domain/<prefix>/`.
 */
export function mountHostedUi(app: Hono, services: Services): void {
  app.get("/:poolId/.well-known/openid-configuration", discovery(services));
}
