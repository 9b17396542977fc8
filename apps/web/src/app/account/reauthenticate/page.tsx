import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReauthenticateButton } from "~/components/account/reauthenticate-button";
import { requireSession, withSession } from "~/server/auth";
import {
  authTimeOf,
  isRecentAuthentication,
  STEP_UP_MAX_AGE_SECONDS,
  safeReturnPath,
} from "~/server/step-up";
import { idTokenClaims } from "~/server/token-store";

export const metadata: Metadata = { title: "Confirm it is you" };
export const dynamic = "force-dynamic";

/**
 * Step-up: the page a sensitive change sends an older session to. The hosted UI is opened with
 * `prompt=login` and comes back here (`checked=1`), and this page forwards to the change only
 * once the new ID token's `auth_time` is recent. Should a hosted UI answer from its own session
 * without asking, the user is told to sign out and in again instead of being let through.
 */
export default async function ReauthenticatePage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; checked?: string }>;
}) {
  const params = await searchParams;
  const target = safeReturnPath(params.callbackUrl);
  const here = `/account/reauthenticate?callbackUrl=${encodeURIComponent(target)}`;
  const session = await requireSession(here);
  const claims = await withSession(session.user.id, () => idTokenClaims(session.user.id));
  if (isRecentAuthentication(authTimeOf(claims), Math.floor(Date.now() / 1000))) redirect(target);
  return (
    <>
      <h1>Confirm it is you</h1>
      {params.checked ? (
        <p role="alert" className="notice">
          The sign-in service did not ask for your password again. Sign out, sign in again, then retry the
          change.
        </p>
      ) : null}
      <p>
        This change needs a sign-in within the last {STEP_UP_MAX_AGE_SECONDS / 60} minutes. Sign in again to
        continue; you come back here afterwards.
      </p>
      {params.checked ? (
        <form method="post" action="/signout">
          <button type="submit" className="primary">
            Sign out
          </button>
        </form>
      ) : (
        <ReauthenticateButton callbackUrl={`${here}&checked=1`} />
      )}
    </>
  );
}
