import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButtons } from "~/components/sign-in-buttons";
import { env } from "~/env";
import { auth } from "~/server/auth";
import { safeRedirectPath } from "~/server/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const messages: Record<string, string> = {
  expired: "Your session has ended. Please sign in again.",
  signedout: "You are signed out.",
  reauthenticate:
    "Your account was signed out everywhere. For your security, sign in again with your password.",
  OAuthCallback: "Sign-in did not complete. Please try again.",
  OAuthSignin: "The sign-in service could not be reached. Please try again in a moment.",
  Callback: "Sign-in did not complete. Please try again.",
  AccessDenied: "Sign-in was refused.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reason?: string; error?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await auth()) redirect(callbackUrl);
  const notice = messages[params.reason ?? params.error ?? ""];
  return (
    <>
      <h1>Sign in</h1>
      {notice ? (
        <p role="alert" className="notice">
          {notice}
        </p>
      ) : null}
      <p>Sign in with your email, phone number or username, or with your organisation's account.</p>
      <SignInButtons
        callbackUrl={callbackUrl}
        providers={env.IDENTITY_PROVIDERS}
        passwordAgain={params.reason === "reauthenticate"}
      />
    </>
  );
}

/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
function safeCallback(value: string | undefined): string {
  return safeRedirectPath(value, "/dashboard");
}
