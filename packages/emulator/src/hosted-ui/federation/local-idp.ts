/**
 * A local OpenID provider (panva's oidc-provider) standing in for Google and enterprise OIDC
 * providers offline: seeded accounts with passwords, its own sign-in page, and no consent screen.
 * The emulator serves one per stand-in under `/_idp/<name>` of its own origin (`stand-ins.ts`);
 * `startLocalIdp` runs one on a port of its own (tests).
 *
 * @module
 */
import { generateKeyPairSync, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Provider from "oidc-provider";
import type { AdapterPayload, Configuration, InteractionContext } from "oidc-provider";
import { z } from "zod";
import { field, h, page } from "../html";
import type { LocalIdpAccount } from "./accounts";

export type { LocalIdpAccount } from "./accounts";

export interface LocalIdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface LocalIdpOptions {
  /** The provider's issuer; its path is where it is mounted (`http://127.0.0.1:9229/_idp/oidc`). */
  issuer: string;
  /** Shown as the sign-in page's title. */
  title?: string;
  accounts: readonly LocalIdpAccount[];
  /** The relying parties allowed to use it, looked up on every request (so new pools take effect). */
  clients: () => readonly LocalIdpClient[];
}

export interface LocalIdp {
  issuer: string;
  /** Handles a request whose URL path is under the issuer's path. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** How long sign-in pages, sessions and codes of the provider live. */
const TTL_SECONDS = {
  AccessToken: 3600,
  IdToken: 3600,
  Grant: 3600,
  Interaction: 3600,
  Session: 3600,
  AuthorizationCode: 600,
};
const MAX_FORM_BYTES = 16 * 1024;

const LoginForm = z.object({
  login: z.string().trim().min(1).max(256),
  password: z.string().min(1).max(256),
});

/**
 * oidc-provider's storage, in memory and per provider. `Client` lookups are answered from
 * `clients()` rather than stored, so the relying parties follow the emulator's pools.
 */
function memoryAdapter(clients: () => readonly LocalIdpClient[]) {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const byUid = new Map<string, string>();
  const byGrant = new Map<string, Set<string>>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return class LocalIdpAdapter {
    constructor(private readonly model: string) {}
    private key(id: string): string {
      return `${this.model}:${id}`;
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === "Client") {
        const client = clients().find((c) => c.client_id === id);
        if (!client) return undefined;
        return {
          ...client,
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic",
        };
      }
      return live(this.key(id));
    }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = byUid.get(uid);
      return id ? this.find(id) : undefined;
    }
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const key = this.key(id);
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
      entries.set(key, { payload, expiresAt });
      if (this.model === "Session" && typeof payload.uid === "string") byUid.set(payload.uid, id);
      if (typeof payload.grantId === "string") {
        const members = byGrant.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        byGrant.set(payload.grantId, members);
      }
    }
    async consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      const key = this.key(id);
      const payload = live(key);
      entries.delete(key);
      if (typeof payload?.uid === "string") byUid.delete(payload.uid);
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of byGrant.get(grantId) ?? []) entries.delete(key);
      byGrant.delete(grantId);
    }
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new RangeError("form too large");
    chunks.push(chunk as Buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(html);
}

/**
 * Creates the provider. oidc-provider is loaded and its key generated on the first request, so an
 * emulator whose pools never federate pays nothing for it.
 */
export function createLocalIdp(options: LocalIdpOptions): LocalIdp {
  const issuer = options.issuer.replace(/\/$/, "");
  const mountPath = new URL(issuer).pathname.replace(/\/$/, "");
  const title = options.title ?? "Sign in";
  const accounts = options.accounts;
  let provider: Promise<{ p: Provider; callback: ReturnType<Provider["callback"]> }> | undefined;

  const findByLogin = (login: string) =>
    accounts.find((a) => a.sub === login || a.email.toLowerCase() === login.toLowerCase());

  async function build(): Promise<Provider> {
    const { default: OidcProvider } = await import("oidc-provider");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const configuration: Configuration = {
      adapter: memoryAdapter(options.clients),
      jwks: {
        keys: [{ ...privateKey.export({ format: "jwk" }), kid: "local-idp", alg: "RS256", use: "sig" }],
      },
      cookies: { keys: [randomBytes(32).toString("base64url")] },
      claims: {
        openid: ["sub"],
        email: ["email", "email_verified"],
        profile: ["name", "given_name", "family_name", "picture"],
      },
      // The sign-in page below replaces oidc-provider's development-only interactions.
      features: { devInteractions: { enabled: false } },
      pkce: { required: () => true },
      ttl: TTL_SECONDS,
      interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
      // Consent-free: a signed-in account grants every client the scopes it asks for.
      async loadExistingGrant(ctx: InteractionContext) {
        const accountId = ctx.oidc.session?.accountId;
        const clientId = ctx.oidc.client?.clientId;
        if (!accountId || !clientId) return undefined;
        const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
        grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
        await grant.save();
        return grant;
      },
      async findAccount(_ctx, id) {
        const account = accounts.find((a) => a.sub === id);
        if (!account) return undefined;
        const { password: _password, ...claims } = account;
        return { accountId: id, claims: async () => ({ ...claims }) };
      },
    };
    return new OidcProvider(issuer, configuration);
  }

  function loginPage(uid: string, clientId: string, error?: string): string {
    return page({
      title,
      clientName: clientId,
      ...(error ? { error } : {}),
      body: h`<form method="post" action="${mountPath}/interaction/${uid}/login" novalidate>
${field({ name: "login", label: "Email", type: "text", autocomplete: "username", autofocus: true })}
${field({ name: "password", label: "Password", type: "password", autocomplete: "current-password" })}
<button type="submit">Sign in</button>
</form>
<p class="hint">A local test provider: only its seeded accounts can sign in.</p>`,
    });
  }

  async function interaction(p: Provider, req: IncomingMessage, res: ServerResponse, rest: string) {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(rest);
    if (!match) return send(res, 404, page({ title, error: "Not found.", body: h`` }));
    const details = await p.interactionDetails(req, res);
    if (details.uid !== match[1])
      return send(res, 400, page({ title, error: "Sign-in expired.", body: h`` }));
    const clientId = String(details.params.client_id ?? "");
    if (details.prompt.name !== "login") {
      return send(res, 400, page({ title, error: `Unexpected prompt ${details.prompt.name}.`, body: h`` }));
    }
    if (req.method === "GET" && !match[2]) return send(res, 200, loginPage(details.uid, clientId));
    if (req.method !== "POST" || !match[2])
      return send(res, 405, page({ title, error: "Method not allowed.", body: h`` }));
    const form = LoginForm.safeParse(await readForm(req));
    const account = form.success ? findByLogin(form.data.login) : undefined;
    if (!form.success || !account || !sameText(account.password, form.data.password)) {
      return send(res, 400, loginPage(details.uid, clientId, "Incorrect email or password."));
    }
    await p.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    handle(req, res) {
      const url = req.url ?? "/";
      if (url !== mountPath && !url.startsWith(`${mountPath}/`) && !url.startsWith(`${mountPath}?`)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      provider ??= build().then(
        (p) => ({ p, callback: p.callback() }),
        (err: unknown) => {
          provider = undefined; // a later request tries again
          throw err;
        },
      );
      const rest = url.slice(mountPath.length) || "/";
      provider
        .then(({ p, callback }) => {
          if (rest.startsWith("/interaction/")) return interaction(p, req, res, rest.split("?")[0] ?? rest);
          // Mounted like an Express sub-app: the provider routes on the rest of the path and builds
          // its URLs from `originalUrl`.
          Object.assign(req, { originalUrl: url });
          req.url = rest;
          callback(req, res);
        })
        .catch((err: unknown) => {
          const message =
            err instanceof Error && err.name === "SessionNotFound"
              ? "This sign-in has expired: start again from the application."
              : "Sign-in failed.";
          if (!res.headersSent) send(res, 400, page({ title, error: message, body: h`` }));
        });
    },
  };
}

/** Starts a provider on `host:port` of its own (127.0.0.1, a free port by default); its issuer is its URL. */
export async function startLocalIdp(options: {
  port?: number;
  host?: string;
  accounts: readonly LocalIdpAccount[];
  clients: readonly LocalIdpClient[];
}): Promise<{ issuer: string; close(): Promise<void> }> {
  const host = options.host ?? "127.0.0.1";
  let idp: LocalIdp | undefined;
  const server = createServer((req, res) => {
    if (idp) idp.handle(req, res);
    else {
      res.statusCode = 503;
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  idp = createLocalIdp({
    issuer: `http://${host}:${port}`,
    accounts: options.accounts,
    clients: () => options.clients,
  });
  return {
    issuer: idp.issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
