import "server-only";
import { cookies } from "next/headers";
import { env } from "~/env";

const secure = env.SITE_URL.startsWith("https://");

/** next-auth's session cookie (httpOnly; `__Secure-` over https). */
export const sessionCookieName = `${secure ? "__Secure-" : ""}next-auth.session-token`;

/** The session token this browser holds, if any. */
export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName)?.value;
}

/** Clears this browser's session cookie (route handlers and server actions). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName, "", {
    maxAge: 0,
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
  });
}

/**
 * Cognito's `/logout`, which ends the hosted UI's own session and comes back to the site (its
 * `logout_uri` must be one of the client's sign-out URLs).
 */
export function hostedUiLogoutUrl(): URL {
  const logout = new URL(`${env.COGNITO_DOMAIN_URL}/logout`);
  logout.searchParams.set("client_id", env.COGNITO_CLIENT_ID);
  logout.searchParams.set("logout_uri", `${env.SITE_URL}/`);
  return logout;
}
