import type { Context } from "hono";
import type { Services } from "../cognito-idp/services";
import type { ClientRecord, DomainRecord, PoolRecord } from "../store/types";
import { UnknownDomainError } from "./errors";

/** Every pool domain is served under this path of the emulator's origin (ARCHITECTURE.md, "Contracts"). */
export const DOMAIN_PATH_PREFIX = "/_domain";

export interface HostedDomain {
  domain: DomainRecord;
  pool: PoolRecord;
  /** `http://<host>:<port>/_domain/<prefix>`: what `https://<prefix>.auth.<region>.amazoncognito.com` is on AWS. */
  baseUrl: string;
  /** The cookie path of this domain (`/_domain/<prefix>`). */
  path: string;
}

/** The emulator's origin as the caller reached it (the request's Host). */
export function requestOrigin(c: Context): string {
  return new URL(c.req.url).origin;
}

export function domainPath(prefix: string): string {
  return `${DOMAIN_PATH_PREFIX}/${encodeURIComponent(prefix)}`;
}

/** Resolves `/_domain/:domain/...` to its domain record and pool. */
export function resolveDomain(services: Services, c: Context, prefix: string): HostedDomain {
  const domain = services.store.resources.findById("domain", prefix);
  const pool = domain
    ? services.store.resources.get("pool", domain.UserPoolId, domain.UserPoolId)
    : undefined;
  if (!domain || !pool) throw new UnknownDomainError(prefix);
  const path = domainPath(prefix);
  return { domain, pool, baseUrl: `${requestOrigin(c)}${path}`, path };
}

/** The domain a pool's endpoints are published under, if it has one. */
export function domainOfPool(pool: PoolRecord): string | undefined {
  return pool.Domain ?? pool.CustomDomain;
}

/** The app client with this id, if it belongs to the domain's pool. */
export function clientOfPool(
  services: Services,
  pool: PoolRecord,
  clientId: string,
): ClientRecord | undefined {
  return services.store.resources.get("client", pool.Id, clientId);
}
