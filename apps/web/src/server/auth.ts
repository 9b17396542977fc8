import "server-only";
import { redirect } from "next/navigation";
import type { DefaultSession, NextAuthOptions, Session } from "next-auth";
import CognitoProvider from "next-auth/providers/cognito";
import { cache } from "react";
import { env } from "~/env";
import { SessionExpiredError } from "./errors";
import { wellKnownUrl } from "./oidc";
import { renewedExpiry, sessionUser } from "./session-records";
import { sessionRecordsForRequest, withSessionRecords } from "./session-store";
import { deleteUserSessions, tableAdapter } from "./session-table";
import { isRevokedSignIn, revokeSignIns, signInsRevokedAt } from "./sign-in-revocation";
import { currentSessionToken } from "./sign-out";
import { saveTokensForAccount } from "./token-store";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

const secure = env.SITE_URL.startsWith("https://");

/** Sessions last `SESSION_MAX_AGE` without use; a used one is extended at most once a day. */
const sessionPolicy = { maxAge: env.SESSION_MAX_AGE, updateAge: 24 * 3600 };

const adapter = withSessionRecords(tableAdapter());

/**
 * next-auth v4 with Cognito's hosted UI: authorization code + PKCE + state + nonce, database
 * sessions in DynamoDB. The browser only ever holds the httpOnly session cookie; Cognito's
 * tokens stay on the account record server-side (see token-store.ts for refresh). Sessions are
 * read with their user and account in one query (session-records.ts).
 */
export const authOptions = {
  secret:
    env.AUTH_SECRET ??
    (env.NODE_ENV === "production" ? undefined : "local-development-secret-not-for-production"),
  adapter,
  session: { strategy: "database", ...sessionPolicy },
  useSecureCookies: secure,
  providers: [
    CognitoProvider({
      clientId: env.COGNITO_CLIENT_ID,
      clientSecret: env.COGNITO_CLIENT_SECRET,
      issuer: env.COGNITO_ISSUER,
      wellKnown: wellKnownUrl,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: env.COGNITO_SCOPES } },
      client: env.COGNITO_CLIENT_SECRET
        ? { token_endpoint_auth_method: "client_secret_basic" }
        : { token_endpoint_auth_method: "none" },
    }),
  ],
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    // A sign-in authenticated before the user's last sign-out everywhere (a hosted-UI session
    // that outlived it) is refused: the user enters their password again (sign-in-revocation.ts).
    async signIn({ user, account, profile }) {
      if (account?.provider !== "cognito") return true;
      const authTime = (profile as { auth_time?: unknown } | undefined)?.auth_time;
      if (isRevokedSignIn(authTime, await signInsRevokedAt(user.id))) {
        return `${env.SITE_URL}/signin?reason=reauthenticate`;
      }
      return true;
    },
    // Only the user's ID reaches the session object: never a token.
    session({ session, user }) {
      return { ...session, user: sessionUser(user) };
    },
  },
  events: {
    // The adapter stores tokens only when it first links the account; a returning user's new
    // tokens (and new auth_time) replace the old ones here.
    async signIn({ user, account }) {
      if (account?.provider === "cognito") {
        await saveTokensForAccount(user.id, account.providerAccountId, account);
      }
    },
  },
  logger: {
    error(code, metadata) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "next-auth",
          code,
          error: String((metadata as Error)?.message ?? ""),
        }),
      );
    },
    warn(code) {
      console.warn(JSON.stringify({ level: "warn", msg: "next-auth", code }));
    },
    debug() {},
  },
} satisfies NextAuthOptions;

/**
 * The current session, read once per request: the checks of next-auth's session endpoint (the
 * cookie's session exists, belongs to an existing user, has not expired — an expired one is
 * deleted — and a used session is renewed once a day), with the session, user and Cognito
 * account read in one query. The account is kept for the token store (session-store.ts).
 */
export const auth = cache(async (): Promise<Session | null> => {
  const token = await currentSessionToken();
  if (!token) return null;
  try {
    const records = await sessionRecordsForRequest(token);
    if (!records) return null;
    const now = new Date();
    const { session, user } = records;
    if (session.expires.getTime() < now.getTime()) {
      await adapter.deleteSession(token);
      return null;
    }
    const renewed = renewedExpiry(session.expires, now, sessionPolicy);
    // A session deleted since it was read (signed out elsewhere) is not renewed, nor shown.
    if (renewed && !(await adapter.updateSession({ sessionToken: token, expires: renewed }))) return null;
    return { user: sessionUser(user), expires: session.expires.toISOString() };
  } catch (err) {
    // As next-auth's own session endpoint: a store failure means no session, and is logged.
    authOptions.logger.error("SESSION_ERROR", err as Error);
    return null;
  }
});

/** The session, or a redirect to sign in (server components, route handlers and actions). */
export async function requireSession(returnTo = "/dashboard") {
  const session = await auth();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

/** Deletes every local session of the user (sign out everywhere, or a refused refresh). */
export async function endLocalSessions(userId: string): Promise<number> {
  return deleteUserSessions(userId);
}

/**
 * Signs the user out everywhere on this site's side: sign-ins made so far are revoked (a
 * hosted-UI session that outlives Cognito's global sign-out cannot start a new session), then
 * every local session is deleted. Returns how many sessions ended.
 */
export async function endAllSessions(userId: string): Promise<number> {
  await revokeSignIns(userId);
  return endLocalSessions(userId);
}

/** Runs `fn`; when Cognito refused to refresh the session, ends it and sends the user to sign in. */
export async function withSession<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SessionExpiredError) {
      await endLocalSessions(userId);
      redirect("/signin?reason=expired");
    }
    throw err;
  }
}
