"use client";

import { signIn } from "next-auth/react";

/** Starts the hosted UI with `prompt=login`: the password (and second factor) are asked again. */
export function ReauthenticateButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button
      type="button"
      className="primary"
      onClick={() => signIn("cognito", { callbackUrl }, { prompt: "login" })}
    >
      Sign in again
    </button>
  );
}
