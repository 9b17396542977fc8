"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getAccount, sendVerificationCode, updateAttributes, verifyAttribute } from "~/server/account";
import { userFacing } from "~/server/account-action";
import { CodeForm, EmailForm, firstIssue, PhoneForm, VerifiableAttributeForm } from "~/server/account-forms";
import { requireSession, withSession } from "~/server/auth";
import type { FormState } from "~/server/form-state";
import { syncLocalUser } from "~/server/local-user";
import { requireRecentAuthentication } from "~/server/step-up-guard";

const PAGE = "/account/contact";

export interface EmailChangeState extends FormState {
  /** Set once Cognito sent a code to the new address: the page asks for it next. */
  codeSentTo?: string;
}

/**
 * Starts an email change (recent sign-in required). The pool keeps the old address until the new
 * one is verified, so nothing changes before the code comes back.
 */
export async function changeEmail(_prev: EmailChangeState, form: FormData): Promise<EmailChangeState> {
  const { user } = await requireSession(PAGE);
  const parsed = EmailForm.safeParse({ email: form.get("email") });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  return withSession(user.id, async () => {
    await requireRecentAuthentication(user.id, PAGE);
    if ((await getAccount(user.id)).attributes.email === parsed.data.email) {
      return { error: "That is already your email address." };
    }
    let sentTo: string | undefined;
    const failed = await userFacing("profile", async () => {
      const deliveries = await updateAttributes(user.id, { email: parsed.data.email });
      sentTo = deliveries.find((d) => d.medium === "EMAIL")?.destination;
    });
    if (failed) return failed;
    return {
      codeSentTo: sentTo ?? parsed.data.email,
      message: `We sent a code to ${sentTo ?? parsed.data.email}.`,
    };
  });
}

/** The code from the new address: the change takes effect (VerifyUserAttribute). */
export async function confirmEmail(prev: EmailChangeState, form: FormData): Promise<EmailChangeState> {
  const { user } = await requireSession(PAGE);
  const parsed = CodeForm.safeParse({ code: form.get("code") });
  if (!parsed.success) return { ...prev, error: firstIssue(parsed.error), message: undefined };
  const failed = await withSession(user.id, async () => {
    const failed = await userFacing("code", () => verifyAttribute(user.id, "email", parsed.data.code));
    if (failed) return failed;
    const email = (await getAccount(user.id)).attributes.email;
    if (email) await syncLocalUser(user.id, { email });
    return undefined;
  });
  if (failed) return { ...prev, ...failed, message: undefined };
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=email`);
}

/** Sends the email or SMS code again (GetUserAttributeVerificationCode). */
export async function resendCode(prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession(PAGE);
  const parsed = VerifiableAttributeForm.safeParse({ attribute: form.get("attribute") });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  return withSession(user.id, async () => {
    let sentTo: string | undefined;
    const failed = await userFacing("code", async () => {
      sentTo = (await sendVerificationCode(user.id, parsed.data.attribute))?.destination;
    });
    if (failed) return { ...prev, ...failed, message: undefined };
    return { message: sentTo ? `We sent a new code to ${sentTo}.` : "We sent a new code." };
  });
}

/**
 * Sets a new phone number (recent sign-in required: it receives SMS sign-in codes) and sends it a
 * code; the number is unverified until the code comes back.
 */
export async function changePhone(_prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession(PAGE);
  const parsed = PhoneForm.safeParse({ phone_number: form.get("phone_number") });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const failed = await withSession(user.id, async () => {
    await requireRecentAuthentication(user.id, PAGE);
    const account = await getAccount(user.id);
    if (
      account.attributes.phone_number === parsed.data.phone_number &&
      account.attributes.phone_number_verified === "true"
    ) {
      return { error: "That is already your phone number." };
    }
    if (account.mfa.enabled.includes("SMS_MFA")) {
      return {
        error: "Turn off text-message codes on the two-step verification page before changing your number.",
      };
    }
    return userFacing("profile", async () => {
      await updateAttributes(user.id, { phone_number: parsed.data.phone_number });
      await sendVerificationCode(user.id, "phone_number");
    });
  });
  if (failed) return failed;
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=phone-sent`);
}

/** The SMS code: the phone number becomes verified (and usable for text-message sign-in codes). */
export async function confirmPhone(_prev: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireSession(PAGE);
  const parsed = CodeForm.safeParse({ code: form.get("code") });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const failed = await withSession(user.id, () =>
    userFacing("code", () => verifyAttribute(user.id, "phone_number", parsed.data.code)),
  );
  if (failed) return failed;
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=phone`);
}
