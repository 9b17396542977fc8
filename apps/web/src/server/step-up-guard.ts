import "server-only";
import { redirect } from "next/navigation";
import { authTimeOf, isRecentAuthentication, reauthenticatePath } from "./step-up";
import { idTokenClaims } from "./token-store";

/**
 * Lets a sensitive change through only after a recent sign-in: reads `auth_time` from the ID
 * token kept server-side and otherwise sends the user to sign in again (`prompt=login`), then
 * back to `returnTo`. Pages call it before showing the form and actions again before acting.
 */
export async function requireRecentAuthentication(userId: string, returnTo: string): Promise<void> {
  const authTime = authTimeOf(await idTokenClaims(userId));
  if (!isRecentAuthentication(authTime, Math.floor(Date.now() / 1000)))
    redirect(reauthenticatePath(returnTo));
}
