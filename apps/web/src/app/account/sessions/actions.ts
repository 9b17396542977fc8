"use server";

import { redirect } from "next/navigation";
import { globalSignOut } from "~/server/account";
import { endAllSessions, requireSession, withSession } from "~/server/auth";
import type { FormState } from "~/server/form-state";
import { clearSessionCookie, hostedUiLogoutUrl } from "~/server/sign-out";

/**
 * Signs the user out everywhere: Cognito revokes every refresh token (GlobalSignOut), every local
 * session of the user is deleted (other browsers lose theirs at their next request) and sign-ins
 * made so far are revoked (another browser's hosted-UI session cannot start a new one without the
 * password), and this browser also leaves the hosted UI's session through `/logout`.
 */
export async function signOutEverywhere(_prev: FormState, _form: FormData): Promise<FormState> {
  const { user } = await requireSession("/account/sessions");
  await withSession(user.id, () => globalSignOut(user.id));
  await endAllSessions(user.id);
  await clearSessionCookie();
  redirect(hostedUiLogoutUrl().toString());
}
