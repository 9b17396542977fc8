import type { Context } from "hono";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import { validateAuthorize } from "../authorize-request";
import { redirectWithCode } from "../complete";
import type { HostedDomain } from "../domain";
import { OAuthError, RedirectMismatchError } from "../errors";
import { identityProvider, takeFederationState } from "../federation/flow";
import { providerClaims, providerEndpoint } from "../federation/relying-party";
import { federatedUser } from "../federation/users";
import { ensureSession, signIn } from "../session";

const Query = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

/**
 * `GET /oauth2/idpresponse`: the federated provider's redirect. The provider's code is exchanged,
 * the pool user found or created, the hosted-UI session started, and the client's own authorize
 * request answered with a code.
 */
export function idpResponse(services: Services) {
  return async (c: Context, hd: HostedDomain): Promise<Response> => {
    const parsed = Query.safeParse(c.req.query());
    if (!parsed.success || !parsed.data.state) throw new RedirectMismatchError("state is missing.");
    const pending = takeFederationState(services, hd, parsed.data.state);
    if (!pending)
      throw new RedirectMismatchError(
        "The sign-in with the identity provider has expired or was already used.",
      );
    const req = validateAuthorize(services, hd, pending.query);
    try {
      if (parsed.data.error) {
        throw new OAuthError("access_denied", parsed.data.error_description ?? parsed.data.error);
      }
      const idp = identityProvider(services, hd, pending.providerName);
      const claims = await providerClaims(
        providerEndpoint(idp, services.localIdpOrigin),
        new URL(c.req.url),
        pending,
      );
      const user = await federatedUser(services, hd.pool, req.client, idp, claims);
      const session = signIn(services, c, hd, ensureSession(services, c, hd), user.sub);
      return redirectWithCode(services, c, hd, req, {
        sub: user.sub,
        authTime: session.data.auth?.authTime ?? Math.floor(services.clock.now().getTime() / 1000),
      });
    } catch (err) {
      if (err instanceof OAuthError) {
        err.redirectUri = req.redirectUri;
        if (req.state !== undefined) err.state = req.state;
      }
      throw err;
    }
  };
}
