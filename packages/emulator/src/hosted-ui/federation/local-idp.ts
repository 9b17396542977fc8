/**
 * A local OpenID provider (panva's oidc-provider) standing in for Google and enterprise OIDC
 * providers offline: a few seeded accounts, a login form that takes any password for them, and no
 * consent screen. Point a pool's identity provider at it with `ProviderDetails.oidc_issuer`.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export interface LocalIdpAccount {
  /** The provider's subject (`sub`). */
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}

export interface LocalIdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface LocalIdpOptions {
  port?: number;
  host?: string;
  accounts: LocalIdpAccount[];
  clients: LocalIdpClient[];
}

export interface LocalIdp {
  issuer: string;
  close(): Promise<void>;
}

/** Starts the provider on `host:port` (127.0.0.1, a free port by default); its issuer is its URL. */
export async function startLocalIdp(options: LocalIdpOptions): Promise<LocalIdp> {
  const host = options.host ?? "127.0.0.1";
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "picture"],
    },
    features: { devInteractions: { enabled: true } },
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      Grant: 3600,
      Interaction: 3600,
      Session: 3600,
      AuthorizationCode: 600,
    },
    // Consent-free: every client gets the scopes it asks for.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  handler = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
