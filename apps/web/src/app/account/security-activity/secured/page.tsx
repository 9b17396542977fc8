import type { Metadata } from "next";
import { ReauthenticateButton } from "~/components/account/reauthenticate-button";
import type { SecureStep } from "~/server/security-activity";

export const metadata: Metadata = { title: "Your account is secured" };
export const dynamic = "force-dynamic";

const STEPS: readonly SecureStep[] = ["feedback", "cognito-sign-out", "local-sessions", "password-reset"];

/** The steps of "This wasn't me" that did not complete, from the action's redirect. */
function incompleteSteps(value: string | undefined): Set<SecureStep> {
  const names = (value ?? "").split(",");
  return new Set(STEPS.filter((s) => names.includes(s)));
}

/**
 * Where "This wasn't me" lands, signed out: what was done and how to get back in. Public, since
 * every session of the account has just ended.
 */
export default async function AccountSecuredPage({
  searchParams,
}: {
  searchParams: Promise<{ incomplete?: string }>;
}) {
  const failed = incompleteSteps((await searchParams).incomplete);
  const signedOut = !failed.has("cognito-sign-out") && !failed.has("local-sessions");
  return (
    <>
      <h1>We have secured your account</h1>
      <p>You told us that a sign-in to your account was not you. Here is what happened:</p>
      <ul>
        <li>
          {failed.has("feedback")
            ? "We could not record your report on that sign-in, but we went on protecting your account."
            : "That sign-in is recorded as not yours, so similar sign-ins are treated as risky."}
        </li>
        <li>
          {signedOut
            ? "Your account is signed out everywhere: on every device and browser, including this one."
            : "We could not end every session of your account. After resetting your password, sign in and use “Sign out everywhere” on your account's Sessions page."}
        </li>
        <li>
          {failed.has("password-reset")
            ? "We could not require a new password. Reset it now as described below: your current password may be known to someone else."
            : "Your password must be reset: nobody can sign in with the old one, not even you."}
        </li>
      </ul>
      <h2>Reset your password</h2>
      <ol>
        <li>Choose “Reset your password”. The sign-in page opens.</li>
        <li>Choose “Forgot your password?” and enter your username or email address.</li>
        <li>Enter the code we email you and choose a new password you have not used anywhere else.</li>
      </ol>
      <p>
        <ReauthenticateButton callbackUrl="/account/security-activity" label="Reset your password" />
      </p>
      <p className="muted">
        If you use the same password on other sites, change it there too, and consider turning on two-step
        verification once you are back in.
      </p>
    </>
  );
}
