import type { Context } from "hono";
import type { Services } from "../../cognito-idp/services";
import { queryString, validateAuthorize } from "../authorize-request";
import { clientOfPool, type HostedDomain } from "../domain";
import { RedirectMismatchError } from "../errors";
import { endSession } from "../session";

/**
 * `GET /logout`: ends the hosted-UI session (tokens stay valid, as on AWS), then either goes to a
 * registered `logout_uri` or, with `redirect_uri` + `response_type`, shows the sign-in page again.
 * An unregistered `logout_uri` gets an error page, never a redirect.
 */
export function logout(services: Services) {
  return (c: Context, hd: HostedDomain): Response => {
    const query = c.req.query();
    const clientId = query.client_id;
    if (!clientId) throw new RedirectMismatchError("client_id is required.");
    const client = clientOfPool(services, hd.pool, clientId);
    if (!client) throw new RedirectMismatchError("The client_id is not a client of this user pool.");
    if (query.logout_uri !== undefined) {
      if (!(client.LogoutURLs ?? []).includes(query.logout_uri)) {
        throw new RedirectMismatchError("logout_uri is not registered for this client.");
      }
      endSession(services, c, hd);
      return c.redirect(query.logout_uri, 302);
    }
    if (query.redirect_uri !== undefined) {
      const req = validateAuthorize(services, hd, query);
      endSession(services, c, hd);
      return c.redirect(`${hd.path}/login?${queryString(req.query)}`, 302);
    }
    throw new RedirectMismatchError("logout_uri or redirect_uri is required.");
  };
}
