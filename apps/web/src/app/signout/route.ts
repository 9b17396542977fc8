import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { env } from "~/env";
import { authOptions } from "~/server/auth";
import { isSameOrigin } from "~/server/same-origin";

const cookieName = `${env.SITE_URL.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/**
 * Signs out of this browser: deletes the local session, clears its cookie, then ends the hosted
 * UI's session through Cognito's `/logout` (its `logout_uri` must be one of the client's).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) {
    return NextResponse.json({ error: "forbidden", message: "Cross-site request refused" }, { status: 403 });
  }
  const jar = await cookies();
  const token = jar.get(cookieName)?.value;
  if (token) await authOptions.adapter.deleteSession?.(token);
  const logout = new URL(`${env.COGNITO_DOMAIN_URL}/logout`);
  logout.searchParams.set("client_id", env.COGNITO_CLIENT_ID);
  logout.searchParams.set("logout_uri", `${env.SITE_URL}/`);
  const res = NextResponse.redirect(logout, 303);
  res.cookies.set(cookieName, "", {
    maxAge: 0,
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: cookieName.startsWith("__Secure-"),
  });
  return res;
}
