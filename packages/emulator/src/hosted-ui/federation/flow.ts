import type { Context } from "hono";
import type { Services } from "../../cognito-idp/services";
import type { IdentityProviderRecord } from "../../store/types";
import type { AuthorizeQuery, AuthorizeRequest } from "../authorize-request";
import type { HostedDomain } from "../domain";
import { OAuthError } from "../errors";
import { providerAuthorization, providerEndpoint } from "./relying-party";

const KEY_PREFIX = "hosted-ui:federation:";
/** How long a browser may spend at the identity provider. */
const FEDERATION_TTL_MS = 10 * 60_000;

export interface FederationState {
  poolId: string;
  providerName: string;
  query: AuthorizeQuery;
  state: string;
  nonce: string;
  verifier: string;
}

export function identityProvider(services: Services, hd: HostedDomain, name: string): IdentityProviderRecord {
  const idp = services.store.resources.get("idp", hd.pool.Id, name);
  if (!idp)
    throw new OAuthError("invalid_request", `Identity provider ${name} does not exist in this user pool.`);
  return idp;
}

/** Sends the browser to the federated provider, remembering the client's request under the state. */
export async function startFederation(
  services: Services,
  c: Context,
  hd: HostedDomain,
  req: AuthorizeRequest,
  providerName: string,
): Promise<Response> {
  try {
    const idp = identityProvider(services, hd, providerName);
    const request = await providerAuthorization(
      providerEndpoint(idp, services.localIdpOrigin),
      `${hd.baseUrl}/oauth2/idpresponse`,
    );
    const state: FederationState = {
      poolId: hd.pool.Id,
      providerName,
      query: req.query,
      state: request.state,
      nonce: request.nonce,
      verifier: request.verifier,
    };
    services.store.sessions.put(
      KEY_PREFIX + request.state,
      services.clock.now().getTime() + FEDERATION_TTL_MS,
      state,
    );
    return c.redirect(request.url, 302);
  } catch (err) {
    if (err instanceof OAuthError) {
      err.redirectUri = req.redirectUri;
      if (req.state !== undefined) err.state = req.state;
    }
    throw err;
  }
}

/** The pending federation of `state` (single use). */
export function takeFederationState(
  services: Services,
  hd: HostedDomain,
  state: string,
): FederationState | undefined {
  if (!/^[A-Za-z0-9_-]{10,200}$/.test(state)) return undefined;
  const row = services.store.sessions.get<FederationState>(KEY_PREFIX + state);
  if (!row) return undefined;
  services.store.sessions.delete(KEY_PREFIX + state);
  if (row.expiresAt <= services.clock.now().getTime() || row.data.poolId !== hd.pool.Id) return undefined;
  return row.data;
}
