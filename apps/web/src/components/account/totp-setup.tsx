"use client";

import { useActionState } from "react";
import { confirmTotp, startTotpSetup, type TotpSetupState } from "~/app/account/security/actions";

/** Authenticator-app enrolment: a new secret (QR code and text), then a code from the app. */
export function TotpSetup() {
  const [setup, startAction, starting] = useActionState<TotpSetupState, FormData>(startTotpSetup, {});
  const [confirm, confirmAction, confirming] = useActionState<TotpSetupState, FormData>(confirmTotp, {});
  if (!setup.secret) {
    return (
      <form action={startAction} aria-label="Set up an authenticator app">
        <button type="submit" className="primary" disabled={starting}>
          {starting ? "Preparing…" : "Set up an authenticator app"}
        </button>
      </form>
    );
  }
  return (
    <form action={confirmAction} className="stack" aria-label="Verify your authenticator app">
      <p>Scan this QR code with your authenticator app, or enter the key by hand.</p>
      {/* biome-ignore lint/performance/noImgElement: a server-rendered data: URL, nothing for next/image to optimise. */}
      <img src={setup.qrCode} width={200} height={200} alt="QR code for your authenticator app" />
      <p>
        Key: <code data-testid="totp-secret">{setup.secret}</code>
      </p>
      <label htmlFor="totp-code">Code from the app</label>
      <input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
      {confirm.error ? (
        <p role="alert" className="notice">
          {confirm.error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={confirming}>
        {confirming ? "Checking…" : "Verify and turn on"}
      </button>
    </form>
  );
}
