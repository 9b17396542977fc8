import type { Context } from "hono";
import { issuerOf } from "../../cognito-idp/pools";
import type { Services } from "../../cognito-idp/services";
import type { PoolRecord } from "../../store/types";
import { domainOfPool, domainPath, requestOrigin } from "../domain";

/**
 * The pool's OpenID Provider metadata. `issuer` is the AWS issuer string that is in the tokens, so
 * relying parties validate `iss` exactly as against AWS; every endpoint points at the emulator: the
 * pool's domain under `/_domain/<prefix>/` for the hosted UI, `/{poolId}/.well-known/jwks.json` for keys.
 */
export function discoveryDocument(services: Services, pool: PoolRecord, origin: string) {
  const domain = domainOfPool(pool);
  // Without a domain Cognito publishes placeholders under the issuer; so does the emulator.
  const base = domain ? `${origin}${domainPath(domain)}` : `${origin}/${pool.Id}`;
  return {
    authorization_endpoint: `${base}/oauth2/authorize`,
    end_session_endpoint: `${base}/logout`,
    id_token_signing_alg_values_supported: ["RS256"],
    issuer: issuerOf(services, pool.Id),
    jwks_uri: `${origin}/${pool.Id}/.well-known/jwks.json`,
    response_types_supported: ["code"],
    revocation_endpoint: `${base}/oauth2/revoke`,
    scopes_supported: ["openid", "email", "phone", "profile"],
    subject_types_supported: ["public"],
    token_endpoint: `${base}/oauth2/token`,
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    userinfo_endpoint: `${base}/oauth2/userInfo`,
    code_challenge_methods_supported: ["S256"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
  };
}

/** `GET /{poolId}/.well-known/openid-configuration`. */
export function discovery(services: Services) {
  return (c: Context) => {
    const poolId = c.req.param("poolId") ?? "";
    const pool = services.store.resources.get("pool", poolId, poolId);
    if (!pool) {
      return c.json(
        { __type: "ResourceNotFoundException", message: `User pool ${poolId} does not exist.` },
        404,
      );
    }
    return c.json(discoveryDocument(services, pool, requestOrigin(c)));
  };
}
