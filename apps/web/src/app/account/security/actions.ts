"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { associateSoftwareToken, enableSoftwareToken, getAccount, setMfaPreference } from "~/server/account";
import { userFacing } from "~/server/account-action";
import { CodeForm, firstIssue, MfaPreferenceForm } from "~/server/account-forms";
import { requireSession, withSession } from "~/server/auth";
import type { FormState } from "~/server/form-state";
import { requireRecentAuthentication } from "~/server/step-up-guard";
import { otpauthUri, qrCodeDataUrl, TOTP_ISSUER } from "~/server/totp";

const PAGE = "/account/security";

/** The session, after a recent sign-in (every MFA change is a step-up operation). */
async function steppedUp(): Promise<string> {
  const { user } = await requireSession(PAGE);
  await withSession(user.id, () => requireRecentAuthentication(user.id, PAGE));
  return user.id;
}

function done(what: string): never {
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=${what}`);
}

export interface TotpSetupState extends FormState {
  secret?: string;
  qrCode?: string;
}

/** AssociateSoftwareToken: a new secret, shown as a QR code and as text. */
export async function startTotpSetup(_prev: TotpSetupState, _form: FormData): Promise<TotpSetupState> {
  const userId = await steppedUp();
  return withSession(userId, async () => {
    const account = await getAccount(userId);
    const secret = await associateSoftwareToken(userId);
    const label = account.attributes.email ?? account.username;
    return { secret, qrCode: await qrCodeDataUrl(otpauthUri(secret, label, TOTP_ISSUER)) };
  });
}

/** VerifySoftwareToken with a code from the app, then TOTP on and preferred. */
export async function confirmTotp(prev: TotpSetupState, form: FormData): Promise<TotpSetupState> {
  const userId = await steppedUp();
  const parsed = CodeForm.safeParse({ code: form.get("code") });
  if (!parsed.success) return { ...prev, error: firstIssue(parsed.error) };
  const failed = await withSession(userId, () =>
    userFacing("totp", () => enableSoftwareToken(userId, parsed.data.code)),
  );
  if (failed) return { ...prev, ...failed };
  done("totp");
}

export async function disableTotp(_prev: FormState, _form: FormData): Promise<FormState> {
  const userId = await steppedUp();
  const failed = await withSession(userId, () =>
    userFacing("mfa", () => setMfaPreference(userId, { totp: { enabled: false, preferred: false } })),
  );
  if (failed) return failed;
  done("totp-off");
}

/** Text-message codes need a verified phone number (checked here and by Cognito). */
export async function enableSms(_prev: FormState, _form: FormData): Promise<FormState> {
  const userId = await steppedUp();
  const failed = await withSession(userId, async () => {
    const account = await getAccount(userId);
    if (account.attributes.phone_number_verified !== "true") {
      return { error: "Add and verify a phone number first." };
    }
    const preferred = !account.mfa.enabled.includes("SOFTWARE_TOKEN_MFA");
    return userFacing("mfa", () => setMfaPreference(userId, { sms: { enabled: true, preferred } }));
  });
  if (failed) return failed;
  done("sms");
}

export async function disableSms(_prev: FormState, _form: FormData): Promise<FormState> {
  const userId = await steppedUp();
  const failed = await withSession(userId, () =>
    userFacing("mfa", () => setMfaPreference(userId, { sms: { enabled: false, preferred: false } })),
  );
  if (failed) return failed;
  done("sms-off");
}

/** Which second factor the hosted UI asks for when both are on. */
export async function choosePreferredMfa(_prev: FormState, form: FormData): Promise<FormState> {
  const userId = await steppedUp();
  const parsed = MfaPreferenceForm.safeParse({ preferred: form.get("preferred") });
  if (!parsed.success) return { error: "Choose a method." };
  const totp = parsed.data.preferred === "SOFTWARE_TOKEN_MFA";
  const failed = await withSession(userId, () =>
    userFacing("mfa", () =>
      setMfaPreference(userId, {
        totp: { enabled: true, preferred: totp },
        sms: { enabled: true, preferred: !totp },
      }),
    ),
  );
  if (failed) return failed;
  done("preferred");
}
