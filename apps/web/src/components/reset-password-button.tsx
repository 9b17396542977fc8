"use client";

import { signIn } from "next-auth/react";

/**
 * Opens the hosted UI's sign-in form even if its own session is still alive (`prompt=login`):
 * Cognito's global sign-out does not end that session, and the form has "Forgot your password?".
 */
export function ResetPasswordButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button
      type="button"
      className="primary"
      onClick={() => signIn("cognito", { callbackUrl }, { prompt: "login" })}
    >
      Reset your password
    </button>
  );
}
