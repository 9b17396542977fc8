import { randomUUID } from "node:crypto";
import type { Services } from "../cognito-idp/services";
import { NotAuthorizedException, ResourceConflictException, ResourceNotFoundException } from "./errors";
import { type VerifiedLogin, verifyLogins } from "./logins";
import { type IdentityPoolRecord, type IdentityRecord, identityStoreOf, type PoolRolesRecord } from "./store";

export function requireIdentityPool(
  services: Services,
  id: string,
): { pool: IdentityPoolRecord; roles: PoolRolesRecord } {
  const found = identityStoreOf(services.store).getPool(id);
  if (!found) throw new ResourceNotFoundException(`IdentityPool '${id}' not found.`);
  return found;
}

const nowSeconds = (services: Services) => Math.floor(services.clock.now().getTime() / 1000);
const UNAUTHENTICATED = "Unauthenticated access is not supported for this identity pool.";
const LOGINS_DONT_MATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/**
 * GetId: the identity of the first login (linking the other logins to it), created on first sight —
 * one stable identity per user; without logins a new guest identity when the pool allows guests.
 */
export function getOrCreateIdentity(
  services: Services,
  poolId: string,
  logins: Record<string, string> | undefined,
): IdentityRecord {
  const { pool } = requireIdentityPool(services, poolId);
  const verified = verifyLogins(services, pool, logins);
  const store = identityStoreOf(services.store);
  return store.transaction(() => {
    if (verified.length === 0) {
      if (!pool.AllowUnauthenticatedIdentities) throw new NotAuthorizedException(UNAUTHENTICATED);
      return newIdentity(services, poolId);
    }
    const identity = identityOfLogins(services, poolId, verified) ?? newIdentity(services, poolId);
    link(services, identity, verified);
    return identity;
  });
}

/** The one identity the logins are linked to, if any (logins of different identities conflict). */
export function identityOfLogins(
  services: Services,
  poolId: string,
  logins: VerifiedLogin[],
): IdentityRecord | undefined {
  const store = identityStoreOf(services.store);
  const linked = new Set(
    logins
      .map((l) => (l.key ? store.findByLogin(poolId, l.key) : undefined))
      .filter((id) => id !== undefined),
  );
  if (linked.size > 1) {
    throw new ResourceConflictException("These logins are already linked to different identities.");
  }
  const [existingId] = [...linked];
  return existingId ? store.getIdentity(existingId) : undefined;
}

/** An identity pool's region: the prefix of its ID (`<region>:<uuid>`). */
export const regionOfIdentityPool = (poolId: string): string => poolId.slice(0, poolId.indexOf(":"));

export function newIdentity(services: Services, poolId: string): IdentityRecord {
  const now = nowSeconds(services);
  const region = regionOfIdentityPool(poolId);
  const identity: IdentityRecord = {
    IdentityId: `${region}:${randomUUID()}`,
    IdentityPoolId: poolId,
    Logins: [],
    CreationDate: now,
    LastModifiedDate: now,
  };
  identityStoreOf(services.store).putIdentity(identity);
  return identity;
}

/** Links the logins to the identity and records their providers on it (Cognito tokens link nothing). */
export function link(services: Services, identity: IdentityRecord, logins: VerifiedLogin[]): void {
  const store = identityStoreOf(services.store);
  let changed = false;
  for (const login of logins) {
    if (!login.key) continue;
    store.linkLogin(identity.IdentityPoolId, login.key, identity.IdentityId);
    if (!identity.Logins.includes(login.provider)) {
      identity.Logins.push(login.provider);
      changed = true;
    }
  }
  if (changed) {
    identity.LastModifiedDate = nowSeconds(services);
    store.putIdentity(identity);
  }
}

/**
 * GetCredentialsForIdentity / GetOpenIdToken: the identity, its pool and the logins that prove it.
 * An authenticated identity needs at least one of its logins; a login linked to another identity is
 * refused; a guest identity presenting a login becomes that user's identity if the login is new.
 */
export function authenticateIdentity(
  services: Services,
  identityId: string,
  logins: Record<string, string> | undefined,
): { identity: IdentityRecord; pool: IdentityPoolRecord; roles: PoolRolesRecord; logins: VerifiedLogin[] } {
  const store = identityStoreOf(services.store);
  const identity = store.getIdentity(identityId);
  if (!identity) throw new ResourceNotFoundException(`Identity '${identityId}' not found.`);
  const { pool, roles } = requireIdentityPool(services, identity.IdentityPoolId);
  const verified = verifyLogins(services, pool, logins, { cognitoToken: true });
  for (const login of verified) {
    if (login.identityId !== undefined) {
      if (login.identityId !== identityId) throw new NotAuthorizedException(LOGINS_DONT_MATCH);
      continue;
    }
    const owner = login.key ? store.findByLogin(pool.IdentityPoolId, login.key) : undefined;
    const otherUser = owner === undefined && identity.Logins.includes(login.provider);
    if ((owner !== undefined && owner !== identityId) || otherUser) {
      throw new NotAuthorizedException(LOGINS_DONT_MATCH);
    }
  }
  if (verified.length === 0) {
    if (identity.Logins.length > 0) throw new NotAuthorizedException(LOGINS_DONT_MATCH);
    if (!pool.AllowUnauthenticatedIdentities) throw new NotAuthorizedException(UNAUTHENTICATED);
  } else {
    link(services, identity, verified);
  }
  return { identity, pool, roles, logins: verified };
}
