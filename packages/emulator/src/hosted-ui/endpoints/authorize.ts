import type { Context } from "hono";
import type { Services } from "../../cognito-idp/services";
import { type AuthorizeRequest, queryString, validateAuthorize } from "../authorize-request";
import { redirectWithCode } from "../complete";
import type { HostedDomain } from "../domain";
import { OAuthError } from "../errors";
import { startFederation } from "../federation/flow";
import { currentSession, signedInSub } from "../session";

/** The user of a live hosted-UI session, if it may answer this request without a page. */
function sessionUser(services: Services, c: Context, hd: HostedDomain, req: AuthorizeRequest) {
  if (req.forceLogin) return undefined;
  const session = currentSession(services, c, hd);
  const sub = signedInSub(services, session);
  const auth = session?.data.auth;
  if (!sub || !auth) return undefined;
  const user = services.store.users.getBySub(hd.pool.Id, sub);
  if (!user?.enabled) return undefined;
  return { sub, authTime: auth.authTime };
}

/**
 * `GET /oauth2/authorize`: validates the request, then either answers from the hosted-UI session
 * (a code straight away), goes to a federated provider, or sends the browser to `/login`.
 */
export function authorize(services: Services) {
  return async (c: Context, hd: HostedDomain): Promise<Response> => {
    const req = validateAuthorize(services, hd, c.req.query());
    const user = sessionUser(services, c, hd, req);
    if (user) return redirectWithCode(services, c, hd, req, user);
    if (req.noPrompt) {
      throw Object.assign(new OAuthError("login_required", "The user is not signed in."), {
        redirectUri: req.redirectUri,
        state: req.state,
      });
    }
    if (req.identityProvider) return startFederation(services, c, hd, req, req.identityProvider);
    return c.redirect(`${hd.path}/login?${queryString(req.query)}`, 302);
  };
}
