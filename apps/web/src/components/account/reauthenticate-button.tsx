"use client";

import { signIn } from "next-auth/react";

/**
 * Starts the hosted UI with `prompt=login`: the password (and second factor) are asked again, even
 * if the hosted UI still has a session (Cognito's global sign-out does not end it).
 */
export function ReauthenticateButton({
  callbackUrl,
  label = "Sign in again",
}: {
  callbackUrl: string;
  label?: string;
}) {
  return (
    <button
      type="button"
      className="primary"
      onClick={() => signIn("cognito", { callbackUrl }, { prompt: "login" })}
    >
      {label}
    </button>
  );
}
