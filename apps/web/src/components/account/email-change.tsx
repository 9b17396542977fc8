"use client";

import { useActionState } from "react";
import { changeEmail, confirmEmail, type EmailChangeState, resendCode } from "~/app/account/contact/actions";
import { ActionForm } from "./action-form";

/** New address, then the code Cognito sent to it; the old address stays until the code is entered. */
export function EmailChange({ current }: { current: string | undefined }) {
  const [sent, sendAction, sending] = useActionState<EmailChangeState, FormData>(changeEmail, {});
  const [confirm, confirmAction, confirming] = useActionState<EmailChangeState, FormData>(confirmEmail, {});
  if (!sent.codeSentTo) {
    return (
      <form action={sendAction} className="stack" aria-label="Change your email">
        <label htmlFor="new-email">New email address</label>
        <input id="new-email" name="email" type="email" required autoComplete="email" placeholder={current} />
        {sent.error ? (
          <p role="alert" className="notice">
            {sent.error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={sending}>
          {sending ? "Sending a code…" : "Send a code to the new address"}
        </button>
      </form>
    );
  }
  return (
    <>
      <form action={confirmAction} className="stack" aria-label="Confirm your new email">
        <p role="status">{sent.message}</p>
        <label htmlFor="email-code">Code from the email</label>
        <input id="email-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
        {confirm.error ? (
          <p role="alert" className="notice">
            {confirm.error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={confirming}>
          {confirming ? "Checking…" : "Confirm new email"}
        </button>
      </form>
      <ActionForm action={resendCode} label="Send the email code again" submit="Send the code again">
        <input type="hidden" name="attribute" value="email" />
      </ActionForm>
    </>
  );
}
