import { NextResponse } from "next/server";
import { authOptions } from "~/server/auth";
import { isSameOrigin } from "~/server/same-origin";
import { clearSessionCookie, currentSessionToken, hostedUiLogoutUrl } from "~/server/sign-out";

/**
 * Signs out of this browser: deletes the local session, clears its cookie, then ends the hosted
 * UI's session through Cognito's `/logout` (its `logout_uri` must be one of the client's).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) {
    return NextResponse.json({ error: "forbidden", message: "Cross-site request refused" }, { status: 403 });
  }
  const token = await currentSessionToken();
  if (token) await authOptions.adapter.deleteSession?.(token);
  await clearSessionCookie();
  return NextResponse.redirect(hostedUiLogoutUrl(), 303);
}
