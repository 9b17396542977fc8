import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalSessionsTable } from "~/testing/local-sessions-table";

const TABLE = "token-store-test";
const PASSWORD = "Token-Store-2024";
let store: Awaited<ReturnType<typeof startLocalSessionsTable>>;
/**
 * The emulator runs as the package it is (its sources are type-checked in their own package: the
 * site's DOM-typed tsconfig is not theirs), so it is imported by a name tsc does not follow.
 */
interface LocalEmulator {
  url: string;
  close(): Promise<void>;
}
const EMULATOR_PACKAGE = "@repo/emulator";
let emulator: LocalEmulator;
let sdk: CognitoIdentityProviderClient;
let clientId = "";
let poolId = "";
let tokenEndpoint = "";
type TokenStore = typeof import("./token-store");
type SessionTable = typeof import("./session-table");
let table: SessionTable;

/**
 * The site's server-side refresh against the emulator's token endpoint, with refresh-token
 * rotation on and no grace period (each refresh token works once): requests of one user that
 * refresh at the same moment must never sign the user out.
 */
beforeAll(async () => {
  store = await startLocalSessionsTable(TABLE);
  const { createEmulator } = (await import(/* @vite-ignore */ EMULATOR_PACKAGE)) as {
    createEmulator(options: { port: number; storePath: string }): Promise<LocalEmulator>;
  };
  emulator = await createEmulator({ port: 0, storePath: ":memory:" });
  sdk = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: "site" }));
  poolId = pool.UserPool?.Id ?? "";
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: "token-store" }));
  const client = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: "web",
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"],
      RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 0 },
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ["openid", "email"],
      CallbackURLs: ["http://localhost:3000/api/auth/callback/cognito"],
      SupportedIdentityProviders: ["COGNITO"],
    }),
  );
  clientId = client.UserPoolClient?.ClientId ?? "";
  const wellKnown = `${emulator.url}/${poolId}/.well-known/openid-configuration`;
  const doc = (await (await fetch(wellKnown)).json()) as { issuer: string; token_endpoint: string };
  tokenEndpoint = doc.token_endpoint;
  vi.stubEnv("SESSIONS_TABLE", TABLE);
  vi.stubEnv("DYNAMODB_ENDPOINT", store.endpoint);
  vi.stubEnv("COGNITO_ISSUER", doc.issuer);
  vi.stubEnv("COGNITO_WELL_KNOWN", wellKnown);
  vi.stubEnv("COGNITO_CLIENT_ID", clientId);
  table = await import("./session-table");
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  sdk?.destroy();
  await emulator?.close();
  await store?.close();
});

let users = 0;

/** A signed-in user whose stored access token has expired: the next call must refresh. */
async function userWithExpiredTokens(): Promise<{ userId: string; refreshToken: string }> {
  users += 1;
  const email = `user${users}@example.com`;
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      MessageAction: "SUPPRESS",
    }),
  );
  await sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  const signIn = await sdk.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  const result = signIn.AuthenticationResult;
  const adapter = table.tableAdapter();
  const user = await adapter.createUser?.({ email, emailVerified: null, name: email });
  if (!user || !result?.RefreshToken) throw new Error("no user or no refresh token");
  await adapter.linkAccount?.({
    userId: user.id,
    type: "oauth",
    provider: "cognito",
    providerAccountId: crypto.randomUUID(),
    access_token: result.AccessToken ?? "",
    id_token: result.IdToken ?? "",
    refresh_token: result.RefreshToken,
    expires_at: Math.floor(Date.now() / 1000) - 60,
    token_type: "bearer",
  });
  return { userId: user.id, refreshToken: result.RefreshToken };
}

/** A fresh copy of the module: another instance of the site (another Lambda), own memory. */
async function freshInstance(): Promise<TokenStore> {
  vi.resetModules();
  return import("./token-store");
}

describe("server-side token refresh with rotation", () => {
  it("shares one refresh between two requests of the same user in one instance", async () => {
    const { userId, refreshToken } = await userWithExpiredTokens();
    const tokens = await freshInstance();
    const [a, b] = await Promise.all([tokens.accessTokenFor(userId), tokens.accessTokenFor(userId)]);
    expect(a).toBe(b);
    const stored = await table.readCognitoAccount(userId);
    expect(stored?.refresh_token).toBeDefined();
    expect(stored?.refresh_token).not.toBe(refreshToken);
    // The rotated token on the record is the one that works now.
    await expect(tokens.accessTokenFor(userId, { forceRefresh: true })).resolves.toBeTypeOf("string");
  });

  it("takes the tokens another instance stored when its own refresh token was rotated away", async () => {
    const { userId } = await userWithExpiredTokens();
    const [first, second] = [await freshInstance(), await freshInstance()];
    // The second instance's call to the token endpoint goes out once the first one's tokens are
    // stored: its refresh token has been redeemed already, so Cognito refuses it.
    const realFetch = globalThis.fetch;
    let firstDone: () => void = () => {};
    const firstStored = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    let calls = 0;
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (String(input) === tokenEndpoint) {
        calls += 1;
        if (calls === 2) await firstStored;
      }
      return realFetch(input, init);
    });
    try {
      const one = first.accessTokenFor(userId).then((t) => {
        firstDone();
        return t;
      });
      const two = second.accessTokenFor(userId);
      const [a, b] = await Promise.all([one, two]);
      expect(calls).toBe(2);
      expect(b).toBe(a);
    } finally {
      spy.mockRestore();
    }
  });

  it("still ends the session when the refresh token is refused and nobody refreshed it", async () => {
    const { userId, refreshToken } = await userWithExpiredTokens();
    const tokens = await freshInstance();
    // The user signed out everywhere: the refresh token is revoked.
    const res = await fetch(tokenEndpoint.replace(/\/token$/, "/revoke"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: refreshToken, client_id: clientId }),
    });
    expect(res.status).toBe(200);
    await expect(tokens.accessTokenFor(userId)).rejects.toMatchObject({ name: "SessionExpiredError" });
  });
});
