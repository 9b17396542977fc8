import type { Hono } from "hono";
import type { Services } from "../cognito-idp/services";
import { authorize } from "./endpoints/authorize";
import { discovery } from "./endpoints/discovery";
import { loginGet, loginPost } from "./endpoints/login";
import { logout } from "./endpoints/logout";
import { revoke } from "./endpoints/revoke";
import { token } from "./endpoints/token";
import { userInfo } from "./endpoints/user-info";
import { jsonRoute, pageRoute } from "./respond";

/**
 * Mounts the hosted UI: OIDC discovery under `/{poolId}/.well-known/`, and each pool domain's
 * OAuth 2.0 endpoints and pages under `/_domain/<prefix>/`.
 */
export function mountHostedUi(app: Hono, services: Services): void {
  app.get("/:poolId/.well-known/openid-configuration", discovery(services));
  const base = "/_domain/:domain";
  const page = (handler: Parameters<typeof pageRoute>[1]) => pageRoute(services, handler);
  const json = (handler: Parameters<typeof jsonRoute>[1]) => jsonRoute(services, handler);

  app.get(`${base}/oauth2/authorize`, page(authorize(services)));
  app.post(`${base}/oauth2/token`, json(token(services)));
  app.get(`${base}/oauth2/userInfo`, json(userInfo(services)));
  app.post(`${base}/oauth2/userInfo`, json(userInfo(services)));
  app.post(`${base}/oauth2/revoke`, json(revoke(services)));
  app.get(`${base}/logout`, page(logout(services)));
  app.get(`${base}/login`, page(loginGet(services)));
  app.post(`${base}/login`, page(loginPost(services)));
}
