"use client";

import { signIn } from "next-auth/react";

/**
 * Starts next-auth's Cognito sign-in (hosted UI, code + PKCE). Each identity provider button goes
 * straight to that provider through Cognito's `identity_provider` parameter.
 */
export function SignInButtons({
  callbackUrl,
  providers,
  passwordAgain = false,
}: {
  callbackUrl: string;
  providers: string[];
  /** Ask for the password even if the hosted UI still has a session (`prompt=login`). */
  passwordAgain?: boolean;
}) {
  const params = passwordAgain ? { prompt: "login" } : undefined;
  return (
    <div className="stack">
      <button type="button" className="primary" onClick={() => signIn("cognito", { callbackUrl }, params)}>
        Sign in
      </button>
      {providers.map((provider) => (
        <button
          key={provider}
          type="button"
          onClick={() => signIn("cognito", { callbackUrl }, { ...params, identity_provider: provider })}
        >
          Continue with {provider}
        </button>
      ))}
    </div>
  );
}
