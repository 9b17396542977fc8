import type { Metadata } from "next";
import { ActionForm } from "~/components/account/action-form";
import { requireSession } from "~/server/auth";
import { signOutEverywhere } from "./actions";

export const metadata: Metadata = { title: "Sessions" };
export const dynamic = "force-dynamic";

export default async function SessionsPage() {
  await requireSession("/account/sessions");
  return (
    <>
      <h1>Sessions</h1>
      <p>
        Signed in on a computer you no longer use, or lost a phone? Signing out everywhere ends every session
        of your account, on every device and browser, including this one.
      </p>
      <ActionForm
        action={signOutEverywhere}
        label="Sign out everywhere"
        submit="Sign out everywhere"
        primary
      />
    </>
  );
}
