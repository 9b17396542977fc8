/**
 * The hosted-UI security suites' shared setup: one emulator, a pool with a domain, a confidential,
 * a public and a machine client, a user, and the authorize / token / code helpers.
 */
import { createHash, randomBytes } from "node:crypto";
import { beforeAll } from "vitest";
import { useEmulator } from "../support/emulator";
import { Browser, signInThroughForm } from "./browser";

export { CALLBACK, SIGN_OUT } from "./setup";

import { CALLBACK, createCodeClient, createHostedPool, createUser, type HostedPool } from "./setup";

export const PASSWORD = "Secure-Pass-123";
export const EMAIL = "sec.user@example.com";

export const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");
export const newVerifier = () => randomBytes(32).toString("base64url");
export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

export interface Client {
  clientId: string;
  clientSecret: string | undefined;
}

export function useSecurityFixture() {
  const t = useEmulator();
  let pool: HostedPool;
  let secretClient: { clientId: string; clientSecret: string | undefined };
  let publicClient: { clientId: string; clientSecret: string | undefined };
  let machineClient: { clientId: string; clientSecret: string | undefined };

  beforeAll(async () => {
    pool = await createHostedPool(t.client, t.emulator.url);
    secretClient = await createCodeClient(t.client, pool.poolId);
    publicClient = await createCodeClient(t.client, pool.poolId, {
      GenerateSecret: false,
      ClientName: "Mobile",
    });
    machineClient = await createCodeClient(t.client, pool.poolId, {
      ClientName: "Worker",
      AllowedOAuthFlows: ["client_credentials"],
      AllowedOAuthScopes: ["api/read"],
      CallbackURLs: undefined,
      LogoutURLs: undefined,
    });
    await createUser(t.client, pool.poolId, EMAIL, PASSWORD);
  });

  const authorizeUrl = (params: Record<string, string>) =>
    `${pool.domainUrl}/oauth2/authorize?${new URLSearchParams(params).toString()}`;

  async function tokenRequest(fields: Record<string, string>, authorization?: string) {
    const res = await fetch(`${pool.domainUrl}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(authorization ? { authorization } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  }

  async function codeFor(clientId: string, extra: Record<string, string> = {}, options = { pkce: true }) {
    const verifier = newVerifier();
    const pkce: Record<string, string> = options.pkce
      ? { code_challenge: s256(verifier), code_challenge_method: "S256" }
      : {};
    const url = await signInThroughForm(
      new Browser(),
      pool.domainUrl,
      {
        response_type: "code",
        client_id: clientId,
        redirect_uri: CALLBACK,
        scope: "openid email",
        state: "st-1",
        ...pkce,
        ...extra,
      },
      { username: EMAIL, password: PASSWORD },
    );
    return { code: url.searchParams.get("code") ?? "", verifier, url };
  }

  return {
    t,
    get pool() {
      return pool;
    },
    get secretClient() {
      return secretClient;
    },
    get publicClient() {
      return publicClient;
    },
    get machineClient() {
      return machineClient;
    },
    authorizeUrl,
    tokenRequest,
    codeFor,
  };
}
