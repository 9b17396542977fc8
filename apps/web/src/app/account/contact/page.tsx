import type { Metadata } from "next";
import { ActionForm } from "~/components/account/action-form";
import { EmailChange } from "~/components/account/email-change";
import { getAccount } from "~/server/account";
import { requireSession, withSession } from "~/server/auth";
import { requireRecentAuthentication } from "~/server/step-up-guard";
import { changePhone, confirmPhone, resendCode } from "./actions";

export const metadata: Metadata = { title: "Email and phone" };
export const dynamic = "force-dynamic";

const done: Record<string, string> = {
  email: "Your email address is changed.",
  phone: "Your phone number is verified.",
  "phone-sent": "We sent a code to your new phone number by text message.",
};

/** Email and phone changes: they receive codes and recover the account, so a recent sign-in is required. */
export default async function ContactPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const session = await requireSession("/account/contact");
  const userId = session.user.id;
  const account = await withSession(userId, async () => {
    await requireRecentAuthentication(userId, "/account/contact");
    return getAccount(userId);
  });
  const status = done[(await searchParams).done ?? ""];
  const a = account.attributes;
  const phoneUnverified = a.phone_number !== undefined && a.phone_number_verified !== "true";
  return (
    <>
      <h1>Email and phone</h1>
      {status ? <p role="status">{status}</p> : null}
      <section aria-labelledby="email-heading">
        <h2 id="email-heading">Email</h2>
        <p>
          Your email is <strong data-testid="contact-email">{a.email ?? "not set"}</strong>.
        </p>
        <EmailChange current={a.email} />
      </section>
      <section aria-labelledby="phone-heading">
        <h2 id="phone-heading">Phone</h2>
        <p>
          Your phone number is <strong data-testid="contact-phone">{a.phone_number ?? "not set"}</strong>
          {a.phone_number ? (phoneUnverified ? " (not verified)" : " (verified)") : null}.
        </p>
        {phoneUnverified ? (
          <>
            <ActionForm
              action={confirmPhone}
              label="Verify your phone number"
              submit="Verify phone number"
              primary
            >
              <label htmlFor="phone-code">Code from the text message</label>
              <input id="phone-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </ActionForm>
            <ActionForm action={resendCode} label="Send the text message again" submit="Send a new code">
              <input type="hidden" name="attribute" value="phone_number" />
            </ActionForm>
          </>
        ) : null}
        {/* Keyed by the number's state, so its "code sent" message goes once the number is verified. */}
        <ActionForm
          key={`${a.phone_number ?? ""}:${a.phone_number_verified ?? ""}`}
          action={changePhone}
          label="Change your phone number"
          submit="Save and send a code"
        >
          <label htmlFor="new-phone">{a.phone_number ? "New phone number" : "Phone number"}</label>
          <input
            id="new-phone"
            name="phone_number"
            type="tel"
            required
            autoComplete="tel"
            placeholder="+14155550100"
            aria-describedby="phone-hint"
          />
          <small id="phone-hint">International format, with the country code.</small>
        </ActionForm>
      </section>
    </>
  );
}
