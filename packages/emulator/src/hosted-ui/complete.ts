import type { Context } from "hono";
import type { Services } from "../cognito-idp/services";
import { type AuthorizeRequest, redirectWith } from "./authorize-request";
import { createCode } from "./codes";
import type { HostedDomain } from "./domain";

/** Ends an authorize request for a signed-in user: a fresh code, and back to the client with `state`. */
export function redirectWithCode(
  services: Services,
  c: Context,
  hd: HostedDomain,
  req: AuthorizeRequest,
  user: { sub: string; authTime: number },
): Response {
  const code = createCode(services, {
    poolId: hd.pool.Id,
    clientId: req.client.ClientId,
    redirectUri: req.redirectUri,
    sub: user.sub,
    scopes: req.scopes,
    authTime: user.authTime,
    ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
    ...(req.codeChallenge !== undefined && req.codeChallengeMethod !== undefined
      ? { codeChallenge: req.codeChallenge, codeChallengeMethod: req.codeChallengeMethod }
      : {}),
  });
  return c.redirect(redirectWith(req.redirectUri, { code, state: req.state }), 302);
}
