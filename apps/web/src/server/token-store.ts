import "server-only";
import { decodeJwt } from "jose";
import { z } from "zod";
import { env } from "~/env";
import { ServiceUnavailableError, SessionExpiredError } from "./errors";
import { discovery } from "./oidc";
import { requestAccounts } from "./session-store";
import {
  cognitoAccountKey,
  readCognitoAccount,
  type StoredAccount,
  saveAccountTokens,
  userIdOfKey,
} from "./session-table";

/** Refresh this long before the access token expires, so an API call never carries a dying token. */
const REFRESH_MARGIN_SECONDS = 120;

const TokenResponse = z.object({
  access_token: z.string(),
  id_token: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.number(),
  token_type: z.string(),
});

/** The token endpoint's refusal (RFC 6749 §5.2). */
const OAuthErrorBody = z.object({ error: z.string() });

/**
 * The Cognito account record (tokens) that next-auth's adapter keeps for a user: the one read
 * with this request's session when there is one (session-store.ts), else from the table.
 */
async function loadAccount(userId: string): Promise<StoredAccount> {
  const loaded = requestAccounts().get(userId);
  if (loaded) return loaded;
  const account = await readCognitoAccount(userId);
  if (!account) throw new SessionExpiredError("No Cognito account is linked to this session");
  requestAccounts().set(userId, account);
  return account;
}

export async function saveTokensForAccount(
  userId: string,
  providerAccountId: string,
  tokens: { access_token?: string; id_token?: string; refresh_token?: string; expires_at?: number },
): Promise<void> {
  if (!tokens.access_token || !tokens.expires_at) return;
  await saveAccountTokens(cognitoAccountKey(userId, providerAccountId), {
    ...tokens,
    access_token: tokens.access_token,
    expires_at: tokens.expires_at,
  });
}

/**
 * The user's current access token, refreshed server-side with the refresh token when it is
 * about to expire. Throws {@link SessionExpiredError} when Cognito refuses the refresh (revoked,
 * expired, user disabled): the caller ends the local session.
 */
export async function accessTokenFor(userId: string, opts: { forceRefresh?: boolean } = {}): Promise<string> {
  const account = await loadAccount(userId);
  const now = Math.floor(Date.now() / 1000);
  if (!opts.forceRefresh && account.expires_at - REFRESH_MARGIN_SECONDS > now) return account.access_token;
  return (await refreshAccount(account, now)).access_token;
}

/**
 * The user's current ID token (the identity pool's login), refreshed like the access token when
 * it is about to expire (its own `exp` counts: the pool may give it another lifetime).
 */
export async function idTokenFor(userId: string, opts: { forceRefresh?: boolean } = {}): Promise<string> {
  const account = await loadAccount(userId);
  const now = Math.floor(Date.now() / 1000);
  const exp = account.id_token ? expiryOf(account.id_token) : 0;
  if (!opts.forceRefresh && account.id_token && exp - REFRESH_MARGIN_SECONDS > now) return account.id_token;
  const refreshed = await refreshAccount(account, now);
  if (!refreshed.id_token) throw new SessionExpiredError("Cognito issued no ID token on refresh");
  return refreshed.id_token;
}

/** The tokens a refresh leaves on the account record. */
interface RefreshedTokens {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_at: number;
}

/**
 * Refreshes in flight in this process, by account record: concurrent requests of one user share
 * one call to the token endpoint. With refresh-token rotation on, two calls with the same refresh
 * token would have the second refused (after the grace period) and the user signed out.
 */
const inFlight = new Map<string, Promise<RefreshedTokens>>();

async function refreshAccount(account: StoredAccount, now: number): Promise<RefreshedTokens> {
  const key = `${account.pk}\n${account.sk}`;
  let running = inFlight.get(key);
  if (!running) {
    running = refreshOnce(account, now).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  const tokens = await running;
  // Later readers in this request see the stored tokens (a rotated refresh token included).
  requestAccounts().set(userIdOfKey(account), {
    ...account,
    access_token: tokens.access_token,
    expires_at: tokens.expires_at,
    ...(tokens.id_token ? { id_token: tokens.id_token } : {}),
    ...(tokens.refresh_token ? { refresh_token: tokens.refresh_token } : {}),
  });
  return tokens;
}

async function refreshOnce(account: StoredAccount, now: number): Promise<RefreshedTokens> {
  if (!account.refresh_token) throw new SessionExpiredError("The session cannot be refreshed");
  let refreshed: z.output<typeof TokenResponse>;
  try {
    refreshed = await refresh(account.refresh_token);
  } catch (err) {
    if (!(err instanceof SessionExpiredError)) throw err;
    // Another instance of the site (another Lambda) may have refreshed with the same token and
    // rotated it: its tokens are on the record now, and they are this user's too.
    const current = await readCognitoAccount(userIdOfKey(account));
    if (!current?.refresh_token || current.refresh_token === account.refresh_token) throw err;
    if (current.expires_at - REFRESH_MARGIN_SECONDS > now) return current;
    return refreshOnce(current, now);
  }
  const tokens: RefreshedTokens = {
    access_token: refreshed.access_token,
    ...(refreshed.id_token ? { id_token: refreshed.id_token } : {}),
    ...(refreshed.refresh_token ? { refresh_token: refreshed.refresh_token } : {}),
    expires_at: now + refreshed.expires_in,
  };
  await saveAccountTokens(account, tokens);
  return tokens;
}

/** A JWT's `exp` (0 when it has none): read only to decide when to refresh, never to trust it. */
function expiryOf(jwt: string): number {
  try {
    return decodeJwt(jwt).exp ?? 0;
  } catch {
    return 0; // unreadable: refresh
  }
}

/** The stored ID token's claims (they were validated by next-auth when the tokens were issued). */
export async function idTokenClaims(userId: string): Promise<Record<string, unknown>> {
  const account = await loadAccount(userId);
  return account.id_token ? decodeJwt(account.id_token) : {};
}

async function refresh(refreshToken: string): Promise<z.output<typeof TokenResponse>> {
  const { token_endpoint } = await discovery();
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: env.COGNITO_CLIENT_ID,
    refresh_token: refreshToken,
  });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (env.COGNITO_CLIENT_SECRET) {
    const basic = `${encodeURIComponent(env.COGNITO_CLIENT_ID)}:${encodeURIComponent(env.COGNITO_CLIENT_SECRET)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString("base64")}`;
  }
  let res: Response;
  try {
    res = await fetch(token_endpoint, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(5000),
      cache: "no-store",
    });
  } catch (err) {
    throw new ServiceUnavailableError("sign-in", "The sign-in service cannot be reached", { cause: err });
  }
  if (res.status === 400 || res.status === 401) {
    const error =
      OAuthErrorBody.safeParse(await res.json().catch(() => undefined)).data?.error ?? "invalid_grant";
    throw new SessionExpiredError(`Cognito refused to refresh the session (${error})`);
  }
  if (!res.ok) throw new ServiceUnavailableError("sign-in", `The token endpoint answered HTTP ${res.status}`);
  return TokenResponse.parse(await res.json());
}
