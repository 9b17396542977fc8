import type { Services } from "../cognito-idp/services";
import type { RequestInfo } from "../request-info";
import {
  DeveloperUserAlreadyRegisteredException,
  InvalidParameterException,
  MissingAuthenticationTokenException,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
} from "./errors";
import { identityOfLogins, link, newIdentity, requireIdentityPool } from "./identities";
import { type VerifiedLogin, verifyLogins } from "./logins";
import { type IdentityPoolRecord, type IdentityRecord, identityStoreOf } from "./store";

/**
 * Developer operations need AWS developer credentials: a SigV4-signed request. As for the other
 * admin operations, the signature itself is not checked locally (the emulator knows no IAM users).
 */
export function requireDeveloperCredentials(request: RequestInfo): void {
  if (!request.signingRegion) {
    throw new MissingAuthenticationTokenException("Request is missing Authentication Token");
  }
}

/** The identity-store key of a developer user (`<developer provider>|<developer user identifier>`). */
export const developerLoginKey = (provider: string, userId: string): string => `${provider}|${userId}`;

const MAX_USER_IDENTIFIER = 1024;

/** The identity and the verified logins GetOpenIdTokenForDeveloperIdentity issues a token for. */
export interface DeveloperIdentity {
  pool: IdentityPoolRecord;
  identity: IdentityRecord;
  logins: VerifiedLogin[];
}

/**
 * GetOpenIdTokenForDeveloperIdentity's identity: `Logins` names the pool's developer provider with
 * the developer user identifier (plus, optionally, logins of other providers to link). The same
 * developer user always gets the same identity; with `IdentityId` the logins are linked to that
 * identity, unless the developer user already belongs to another one.
 */
export function developerIdentity(
  services: Services,
  req: { IdentityPoolId: string; IdentityId?: string; Logins: Record<string, string> },
): DeveloperIdentity {
  const { pool } = requireIdentityPool(services, req.IdentityPoolId);
  const provider = pool.DeveloperProviderName;
  const userId = provider !== undefined ? req.Logins[provider] : undefined;
  if (provider === undefined || userId === undefined) {
    throw new NotAuthorizedException("This identity pool does not support the specified developer provider.");
  }
  if (userId.length > MAX_USER_IDENTIFIER) {
    throw new InvalidParameterException(
      `The developer user identifier must be at most ${MAX_USER_IDENTIFIER} characters long.`,
    );
  }
  const { [provider]: _developer, ...others } = req.Logins;
  const developer: VerifiedLogin = {
    provider,
    userPoolId: "",
    clientId: "",
    subject: userId,
    claims: {},
    key: developerLoginKey(provider, userId),
    amr: [provider, `${provider}:${pool.IdentityPoolId}:${userId}`],
  };
  const logins = [developer, ...verifyLogins(services, pool, others)];
  const store = identityStoreOf(services.store);
  return store.transaction(() => {
    const linked = identityOfLogins(services, pool.IdentityPoolId, logins);
    let identity = linked;
    if (req.IdentityId !== undefined) {
      const named = store.getIdentity(req.IdentityId);
      if (!named || named.IdentityPoolId !== pool.IdentityPoolId) {
        throw new ResourceNotFoundException(`Identity '${req.IdentityId}' not found.`);
      }
      const owner = developer.key ? store.findByLogin(pool.IdentityPoolId, developer.key) : undefined;
      if (owner !== undefined && owner !== named.IdentityId) {
        throw new DeveloperUserAlreadyRegisteredException(
          "The provided developer user identifier is already registered with Cognito under a different identity ID.",
        );
      }
      if (linked && linked.IdentityId !== named.IdentityId) {
        throw new ResourceConflictException("These logins are already linked to different identities.");
      }
      identity = named;
    }
    identity ??= newIdentity(services, pool.IdentityPoolId);
    link(services, identity, logins);
    return { pool, identity, logins };
  });
}
