"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteCognitoUser } from "~/server/account";
import { callApi } from "~/server/api-client";
import { requireSession, withSession } from "~/server/auth";
import { ApiError, ForbiddenError, ServiceUnavailableError } from "~/server/errors";
import type { FormState } from "~/server/form-state";
import { deleteLocalUser } from "~/server/local-user";
import { clearSessionCookie, hostedUiLogoutUrl } from "~/server/sign-out";
import { requireRecentAuthentication } from "~/server/step-up-guard";

const Confirmation = z.object({ confirm: z.literal("DELETE") });

/**
 * Deletes the account (recent sign-in required): first the user's data in the API (`DELETE /me`:
 * profile and notes, while the access token still works), then the Cognito user (DeleteUser, which
 * also ends its tokens), then everything this site keeps about it (user record, tokens,
 * sessions). When the API cannot erase the data, nothing else is deleted and the user may retry.
 */
export async function deleteAccount(_prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession("/account/delete");
  if (!Confirmation.safeParse({ confirm: form.get("confirm") }).success) {
    return { error: "Type DELETE to confirm." };
  }
  const erased = await withSession(user.id, async () => {
    await requireRecentAuthentication(user.id, "/account/delete");
    try {
      await callApi(user.id, "delete-me", {});
    } catch (err) {
      if (
        err instanceof ServiceUnavailableError ||
        err instanceof ApiError ||
        err instanceof ForbiddenError
      ) {
        return false;
      }
      throw err;
    }
    await deleteCognitoUser(user.id);
    return true;
  });
  if (!erased) {
    return {
      error:
        "Your notes and profile could not all be erased just now, so your account is still here. Try again.",
    };
  }
  await deleteLocalUser(user.id);
  await clearSessionCookie();
  redirect(hostedUiLogoutUrl().toString());
}
