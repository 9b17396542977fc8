import type { Hono } from "hono";
import type { Services } from "../cognito-idp/services";
import { authorize } from "./endpoints/authorize";
import { confirmGet, confirmPost } from "./endpoints/confirm";
import { confirmForgotPasswordGet, confirmForgotPasswordPost } from "./endpoints/confirm-forgot-password";
import { discovery } from "./endpoints/discovery";
import { forgotPasswordGet, forgotPasswordPost } from "./endpoints/forgot-password";
import { idpResponse } from "./endpoints/idp-response";
import { loginGet, loginPost } from "./endpoints/login";
import { logout } from "./endpoints/logout";
import { mfaGet, mfaPost, selectMfaGet, selectMfaPost } from "./endpoints/mfa";
import { mfaSetupGet, mfaSetupPost } from "./endpoints/mfa-setup";
import { newPasswordGet, newPasswordPost } from "./endpoints/new-password";
import { revoke } from "./endpoints/revoke";
import { signUpGet, signUpPost } from "./endpoints/signup";
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
  app.get(`${base}/oauth2/idpresponse`, page(idpResponse(services)));
  app.get(`${base}/logout`, page(logout(services)));
  app.get(`${base}/login`, page(loginGet(services)));
  app.post(`${base}/login`, page(loginPost(services)));
  app.get(`${base}/signup`, page(signUpGet(services)));
  app.post(`${base}/signup`, page(signUpPost(services)));
  app.get(`${base}/confirm`, page(confirmGet(services)));
  app.post(`${base}/confirm`, page(confirmPost(services)));
  app.get(`${base}/forgotPassword`, page(forgotPasswordGet(services)));
  app.post(`${base}/forgotPassword`, page(forgotPasswordPost(services)));
  app.get(`${base}/confirmForgotPassword`, page(confirmForgotPasswordGet(services)));
  app.post(`${base}/confirmForgotPassword`, page(confirmForgotPasswordPost(services)));
  app.get(`${base}/mfa`, page(mfaGet(services)));
  app.post(`${base}/mfa`, page(mfaPost(services)));
  app.get(`${base}/selectMfa`, page(selectMfaGet(services)));
  app.post(`${base}/selectMfa`, page(selectMfaPost(services)));
  app.get(`${base}/mfaSetup`, page(mfaSetupGet(services)));
  app.post(`${base}/mfaSetup`, page(mfaSetupPost(services)));
  app.get(`${base}/newPassword`, page(newPasswordGet(services)));
  app.post(`${base}/newPassword`, page(newPasswordPost(services)));
}
