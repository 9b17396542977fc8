/**
 * The hosted-UI browser session: one httpOnly, SameSite=Lax cookie scoped to the domain's path,
 * naming a server-side record that holds the CSRF token, the signed-in user (for one hour, as
 * Cognito's hosted-UI session) and a sign-in waiting on a challenge (MFA, new password).
 *
 * @module
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Services } from "../cognito-idp/services";
import type { HostedDomain } from "./domain";
import { OAuthError } from "./errors";

export const SESSION_COOKIE = "cognito";
/** Cognito's hosted-UI session lasts one hour. */
export const SESSION_TTL_MS = 3600_000;
const KEY_PREFIX = "hosted-ui:session:";

export interface PendingChallenge {
  /** The cognito-idp challenge name (`SOFTWARE_TOKEN_MFA`, `NEW_PASSWORD_REQUIRED`, ...). */
  challenge: string;
  /** The cognito-idp challenge session. */
  session: string;
  /** The internal username (`USER_ID_FOR_SRP`). */
  username: string;
  sub: string;
  clientId: string;
  parameters: Record<string, string>;
}

export interface BrowserSession {
  poolId: string;
  csrf: string;
  auth?: { sub: string; authTime: number; expiresAt: number };
  pending?: PendingChallenge;
}

export interface LoadedSession {
  id: string;
  data: BrowserSession;
  expiresAt: number;
}

export class CsrfError extends OAuthError {
  constructor() {
    super("invalid_request", "The form has expired or did not come from this page. Please try again.", {
      status: 403,
      allowRedirect: false,
    });
  }
}

const newToken = (): string => randomBytes(32).toString("base64url");

function load(services: Services, hd: HostedDomain, id: string | undefined): LoadedSession | undefined {
  if (!id || !/^[A-Za-z0-9_-]{20,100}$/.test(id)) return undefined;
  const row = services.store.sessions.get<BrowserSession>(KEY_PREFIX + id);
  if (!row || row.data.poolId !== hd.pool.Id) return undefined;
  if (row.expiresAt <= services.clock.now().getTime()) {
    services.store.sessions.delete(KEY_PREFIX + id);
    return undefined;
  }
  return { id, data: row.data, expiresAt: row.expiresAt };
}

function writeCookie(c: Context, hd: HostedDomain, id: string): void {
  setCookie(c, SESSION_COOKIE, id, {
    path: hd.path,
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
  });
}

/** The caller's session, if its cookie names a live one for this domain's pool. */
export function currentSession(services: Services, c: Context, hd: HostedDomain): LoadedSession | undefined {
  return load(services, hd, getCookie(c, SESSION_COOKIE));
}

/** The caller's session, or a new anonymous one (cookie set on the response). */
export function ensureSession(services: Services, c: Context, hd: HostedDomain): LoadedSession {
  const existing = currentSession(services, c, hd);
  if (existing) return existing;
  const id = newToken();
  const expiresAt = services.clock.now().getTime() + SESSION_TTL_MS;
  const data: BrowserSession = { poolId: hd.pool.Id, csrf: newToken() };
  services.store.sessions.put(KEY_PREFIX + id, expiresAt, data);
  writeCookie(c, hd, id);
  return { id, data, expiresAt };
}

export function saveSession(services: Services, session: LoadedSession): void {
  services.store.sessions.put(KEY_PREFIX + session.id, session.expiresAt, session.data);
}

/** Marks the session signed in for one hour from now (a fresh id, so a pre-sign-in id cannot be fixed). */
export function signIn(
  services: Services,
  c: Context,
  hd: HostedDomain,
  session: LoadedSession,
  sub: string,
): LoadedSession {
  const now = services.clock.now().getTime();
  services.store.sessions.delete(KEY_PREFIX + session.id);
  const next: LoadedSession = {
    id: newToken(),
    expiresAt: now + SESSION_TTL_MS,
    data: {
      poolId: hd.pool.Id,
      csrf: newToken(),
      auth: { sub, authTime: Math.floor(now / 1000), expiresAt: now + SESSION_TTL_MS },
    },
  };
  saveSession(services, next);
  writeCookie(c, hd, next.id);
  return next;
}

/** Ends the session (logout): the record is deleted and the cookie cleared. */
export function endSession(services: Services, c: Context, hd: HostedDomain): void {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) services.store.sessions.delete(KEY_PREFIX + id);
  deleteCookie(c, SESSION_COOKIE, { path: hd.path });
}

/** The signed-in user of a live session, if any. */
export function signedInSub(services: Services, session: LoadedSession | undefined): string | undefined {
  const auth = session?.data.auth;
  if (!auth || auth.expiresAt <= services.clock.now().getTime()) return undefined;
  return auth.sub;
}

/** Refuses a form post whose `_csrf` field does not match the token of the session its cookie names. */
export function checkCsrf(services: Services, c: Context, hd: HostedDomain, given: unknown): LoadedSession {
  const session = currentSession(services, c, hd);
  if (!session || typeof given !== "string" || given.length === 0) throw new CsrfError();
  const expected = Buffer.from(session.data.csrf, "utf8");
  const actual = Buffer.from(given, "utf8");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new CsrfError();
  return session;
}
