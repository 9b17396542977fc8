"use server";

import { changePassword as changeCognitoPassword } from "~/server/account";
import { userFacing } from "~/server/account-action";
import { firstIssue, PasswordForm } from "~/server/account-forms";
import { requireSession, withSession } from "~/server/auth";
import type { FormState } from "~/server/form-state";

/** ChangePassword with the current password (Cognito checks it and the pool's policy). */
export async function changePassword(_prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession("/account/password");
  const parsed = PasswordForm.safeParse({
    current: form.get("current"),
    proposed: form.get("proposed"),
    confirm: form.get("confirm"),
  });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const failed = await withSession(user.id, () =>
    userFacing("password", () => changeCognitoPassword(user.id, parsed.data.current, parsed.data.proposed)),
  );
  return failed ?? { message: "Your password is changed. Use the new one next time you sign in." };
}
