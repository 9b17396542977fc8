"use server";

import { revalidatePath } from "next/cache";
import { getAccount, updateAttributes } from "~/server/account";
import { userFacing } from "~/server/account-action";
import { firstIssue, ProfileForm, profileChanges } from "~/server/account-forms";
import { requireSession, withSession } from "~/server/auth";
import type { FormState } from "~/server/form-state";
import { syncLocalUser } from "~/server/local-user";

/** Saves name and job title (UpdateUserAttributes with the user's access token). */
export async function updateProfile(_prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession("/account");
  const parsed = ProfileForm.safeParse({ name: form.get("name"), job_title: form.get("job_title") ?? "" });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  return withSession(user.id, async () => {
    const changes = profileChanges((await getAccount(user.id)).attributes, parsed.data);
    if (Object.keys(changes).length === 0) return { message: "Nothing changed." };
    const failed = await userFacing("profile", () => updateAttributes(user.id, changes));
    if (failed) return failed;
    if (changes.name !== undefined) await syncLocalUser(user.id, { name: changes.name });
    revalidatePath("/account");
    return { message: "Your profile is saved." };
  });
}
