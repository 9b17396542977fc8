import type { Metadata } from "next";
import { ActionForm } from "~/components/account/action-form";
import { TotpSetup } from "~/components/account/totp-setup";
import { getAccount } from "~/server/account";
import { requireSession, withSession } from "~/server/auth";
import { requireRecentAuthentication } from "~/server/step-up-guard";
import { choosePreferredMfa, disableSms, disableTotp, enableSms } from "./actions";

export const metadata: Metadata = { title: "Two-step verification" };
export const dynamic = "force-dynamic";

const done: Record<string, string> = {
  totp: "Your authenticator app is on. Sign-ins now ask for its code.",
  "totp-off": "Your authenticator app is off.",
  sms: "Text-message codes are on.",
  "sms-off": "Text-message codes are off.",
  preferred: "Your preferred method is saved.",
};

/** MFA settings (a recent sign-in is required to see and change them). */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const session = await requireSession("/account/security");
  const userId = session.user.id;
  const account = await withSession(userId, async () => {
    await requireRecentAuthentication(userId, "/account/security");
    return getAccount(userId);
  });
  const status = done[(await searchParams).done ?? ""];
  const totpOn = account.mfa.enabled.includes("SOFTWARE_TOKEN_MFA");
  const smsOn = account.mfa.enabled.includes("SMS_MFA");
  const phoneVerified = account.attributes.phone_number_verified === "true";
  return (
    <>
      <h1>Two-step verification</h1>
      {status ? <p role="status">{status}</p> : null}
      <dl className="facts">
        <dt>Authenticator app</dt>
        <dd data-testid="mfa-totp">{totpOn ? "on" : "off"}</dd>
        <dt>Text message</dt>
        <dd data-testid="mfa-sms">{smsOn ? "on" : "off"}</dd>
        <dt>Preferred</dt>
        <dd data-testid="mfa-preferred">
          {account.mfa.preferred === "SOFTWARE_TOKEN_MFA"
            ? "authenticator app"
            : account.mfa.preferred === "SMS_MFA"
              ? "text message"
              : "—"}
        </dd>
      </dl>

      <section aria-labelledby="totp-heading">
        <h2 id="totp-heading">Authenticator app</h2>
        {totpOn ? (
          <ActionForm
            action={disableTotp}
            label="Turn off the authenticator app"
            submit="Turn off the authenticator app"
          />
        ) : (
          <TotpSetup />
        )}
      </section>

      <section aria-labelledby="sms-heading">
        <h2 id="sms-heading">Text message</h2>
        {smsOn ? (
          <ActionForm
            action={disableSms}
            label="Turn off text-message codes"
            submit="Turn off text-message codes"
          />
        ) : phoneVerified ? (
          <ActionForm
            action={enableSms}
            label="Turn on text-message codes"
            submit={`Send codes to ${account.attributes.phone_number}`}
          />
        ) : (
          <p>
            Text-message codes need a verified phone number.{" "}
            <a href="/account/contact">Add your phone number</a>.
          </p>
        )}
      </section>

      {totpOn && smsOn ? (
        <section aria-labelledby="preferred-heading">
          <h2 id="preferred-heading">Preferred method</h2>
          <ActionForm
            action={choosePreferredMfa}
            label="Choose your preferred method"
            submit="Save preference"
          >
            <fieldset>
              <legend>Ask me for</legend>
              <label>
                <input
                  type="radio"
                  name="preferred"
                  value="SOFTWARE_TOKEN_MFA"
                  defaultChecked={account.mfa.preferred !== "SMS_MFA"}
                />{" "}
                a code from my authenticator app
              </label>
              <label>
                <input
                  type="radio"
                  name="preferred"
                  value="SMS_MFA"
                  defaultChecked={account.mfa.preferred === "SMS_MFA"}
                />{" "}
                a code by text message
              </label>
            </fieldset>
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}
