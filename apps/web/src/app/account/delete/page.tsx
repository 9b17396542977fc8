import type { Metadata } from "next";
import { ActionForm } from "~/components/account/action-form";
import { requireSession, withSession } from "~/server/auth";
import { requireRecentAuthentication } from "~/server/step-up-guard";
import { deleteAccount } from "./actions";

export const metadata: Metadata = { title: "Delete your account" };
export const dynamic = "force-dynamic";

export default async function DeletePage() {
  const session = await requireSession("/account/delete");
  await withSession(session.user.id, () => requireRecentAuthentication(session.user.id, "/account/delete"));
  return (
    <>
      <h1>Delete your account</h1>
      <p>
        Your account is deleted at once and cannot be restored; you are signed out everywhere. Type{" "}
        <strong>DELETE</strong> to confirm.
      </p>
      <ActionForm action={deleteAccount} label="Delete your account" submit="Delete my account">
        <label htmlFor="delete-confirm">Confirmation</label>
        <input id="delete-confirm" name="confirm" required autoComplete="off" pattern="DELETE" />
      </ActionForm>
    </>
  );
}
