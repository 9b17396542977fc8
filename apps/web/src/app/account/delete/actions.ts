"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteCognitoUser } from "~/server/account";
import { requireSession, withSession } from "~/server/auth";
import type { FormState } from "~/server/form-state";
import { deleteLocalUser } from "~/server/local-user";
import { clearSessionCookie, hostedUiLogoutUrl } from "~/server/sign-out";
import { requireRecentAuthentication } from "~/server/step-up-guard";

const Confirmation = z.object({ confirm: z.literal("DELETE") });

/**
 * Deletes the account (recent sign-in required): the Cognito user (DeleteUser, which also ends
 * its tokens), then everything this site keeps about it (user record, tokens, sessions).
 */
export async function deleteAccount(_prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession("/account/delete");
  if (!Confirmation.safeParse({ confirm: form.get("confirm") }).success) {
    return { error: "Type DELETE to confirm." };
  }
  await withSession(user.id, async () => {
    await requireRecentAuthentication(user.id, "/account/delete");
    await deleteCognitoUser(user.id);
  });
  await deleteLocalUser(user.id);
  await clearSessionCookie();
  redirect(hostedUiLogoutUrl().toString());
}
