/**
 * The emulator's local OpenID providers, served on its own origin under `/_idp/<name>` so that the
 * `local` stage's identity providers work offline: `/_idp/oidc` for the enterprise OIDC provider
 * (the stage's `oidc_issuer` is `http://127.0.0.1:9229/_idp/oidc`) and `/_idp/google` for Google,
 * which on AWS is always `https://accounts.google.com` and cannot be reached offline.
 *
 * Their relying parties are the pools' identity providers that point at them: each one's
 * `client_id` / `client_secret`, with the `idpresponse` URL of each of the pool's domains.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../../cognito-idp/services";
import type { IdentityProviderRecord } from "../../store/types";
import { domainPath } from "../domain";
import {
  LOCAL_IDP_ACCOUNTS,
  LOCAL_IDP_NAMES,
  LOCAL_IDP_PATH,
  LOCAL_IDP_TITLES,
  type LocalIdpName,
} from "./accounts";
import { createLocalIdp, type LocalIdp, type LocalIdpClient } from "./local-idp";

/** Google's issuer: what Cognito uses for a `Google` provider on AWS. */
export const GOOGLE_ISSUER = "https://accounts.google.com";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The origin, and its other loopback spelling (a browser may reach 127.0.0.1 as localhost). */
function loopbackAliases(origin: string): string[] {
  const url = new URL(origin);
  const other =
    url.hostname === "127.0.0.1" ? "localhost" : url.hostname === "localhost" ? "127.0.0.1" : undefined;
  return other ? [origin, `${url.protocol}//${other}:${url.port}`] : [origin];
}

function isStandInName(name: string): name is LocalIdpName {
  return (LOCAL_IDP_NAMES as string[]).includes(name);
}

/**
 * The issuer the emulator signs users in with for a provider. `origin` is where the emulator's
 * stand-ins are served (undefined when it serves none):
 * - a `Google` provider without `oidc_issuer`, or with Google's, goes to `<origin>/_idp/google`;
 * - an `oidc_issuer` of a stand-in on a loopback address goes to that stand-in on `origin` (the
 *   infra names port 9229; the emulator may listen elsewhere, e.g. on a free port in tests);
 * - any other `oidc_issuer` is used as it is.
 */
export function providerIssuer(idp: IdentityProviderRecord, origin: string | undefined): string | undefined {
  const configured = idp.ProviderDetails?.oidc_issuer;
  if (origin === undefined) return configured;
  if (idp.ProviderType === "Google" && (!configured || configured.replace(/\/$/, "") === GOOGLE_ISSUER)) {
    return `${origin}${LOCAL_IDP_PATH}/google`;
  }
  if (!configured) return undefined;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    return configured;
  }
  const name = new RegExp(`^${LOCAL_IDP_PATH}/([a-z]+)/?$`).exec(url.pathname)?.[1];
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname) && name && isStandInName(name)) {
    return `${origin}${LOCAL_IDP_PATH}/${name}`;
  }
  return configured;
}

/** The relying parties of one stand-in: every pool identity provider that resolves to it. */
function clientsOf(services: Services, origin: string, issuer: string): LocalIdpClient[] {
  const clients = new Map<string, LocalIdpClient>();
  for (const pool of services.store.resources.list("pool", null)) {
    const domains = services.store.resources.list("domain", pool.Id);
    const redirects = domains.flatMap((d) =>
      loopbackAliases(origin).map((o) => `${o}${domainPath(d.Domain)}/oauth2/idpresponse`),
    );
    for (const idp of services.store.resources.list("idp", pool.Id)) {
      if (providerIssuer(idp, origin) !== issuer) continue;
      const clientId = idp.ProviderDetails?.client_id;
      if (!clientId) continue;
      const known = clients.get(clientId);
      if (known) known.redirect_uris = [...new Set([...known.redirect_uris, ...redirects])];
      else
        clients.set(clientId, {
          client_id: clientId,
          client_secret: idp.ProviderDetails?.client_secret ?? "",
          redirect_uris: redirects,
        });
    }
  }
  return [...clients.values()].filter((c) => c.redirect_uris.length > 0);
}

export interface LocalIdps {
  /** The emulator origin they are served on. */
  origin: string;
  /** Handles `/_idp/<name>/…`; false when no stand-in has that name. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/** The stand-ins of an emulator listening on `origin`. */
export function createLocalIdps(services: Services, origin: string): LocalIdps {
  const idps = new Map<LocalIdpName, LocalIdp>(
    LOCAL_IDP_NAMES.map((name) => {
      const issuer = `${origin}${LOCAL_IDP_PATH}/${name}`;
      return [
        name,
        createLocalIdp({
          issuer,
          title: LOCAL_IDP_TITLES[name],
          accounts: LOCAL_IDP_ACCOUNTS[name],
          clients: () => clientsOf(services, origin, issuer),
        }),
      ];
    }),
  );
  return {
    origin,
    handle(req, res) {
      const name = new RegExp(`^${LOCAL_IDP_PATH}/([a-z]+)(?:[/?]|$)`).exec(req.url ?? "")?.[1];
      const idp = name && isStandInName(name) ? idps.get(name) : undefined;
      if (!idp) return false;
      idp.handle(req, res);
      return true;
    },
  };
}
