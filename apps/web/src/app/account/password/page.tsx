import type { Metadata } from "next";
import { ActionForm } from "~/components/account/action-form";
import { requireSession } from "~/server/auth";
import { changePassword } from "./actions";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  await requireSession("/account/password");
  return (
    <>
      <h1>Change your password</h1>
      <p id="password-policy">
        At least 12 characters, with upper- and lower-case letters, a number and a symbol.
      </p>
      <ActionForm action={changePassword} label="Change your password" submit="Change password" primary>
        <label htmlFor="current-password">Current password</label>
        <input
          id="current-password"
          name="current"
          type="password"
          required
          autoComplete="current-password"
        />
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          name="proposed"
          type="password"
          required
          autoComplete="new-password"
          aria-describedby="password-policy"
        />
        <label htmlFor="confirm-password">Confirm new password</label>
        <input id="confirm-password" name="confirm" type="password" required autoComplete="new-password" />
      </ActionForm>
    </>
  );
}
