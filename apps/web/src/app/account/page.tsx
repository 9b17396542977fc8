import { customAttributeName, customAttributes } from "@repo/auth-shared/user-attributes";
import type { Metadata } from "next";
import { ActionForm } from "~/components/account/action-form";
import { getAccount } from "~/server/account";
import { requireSession, withSession } from "~/server/auth";
import { updateProfile } from "./actions";

export const metadata: Metadata = { title: "Your profile" };
export const dynamic = "force-dynamic";

function verified(value: string | undefined): string {
  return value === "true" ? "verified" : "not verified";
}

/** The user's Cognito attributes (GetUser with their access token); name and job title are edited here. */
export default async function ProfilePage() {
  const session = await requireSession("/account");
  const account = await withSession(session.user.id, () => getAccount(session.user.id));
  const a = account.attributes;
  return (
    <>
      <h1>Your profile</h1>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="facts">
          <dt>Username</dt>
          <dd>{account.username}</dd>
          <dt>Email</dt>
          <dd data-testid="profile-email">
            {a.email ?? "—"} {a.email ? <small>({verified(a.email_verified)})</small> : null}
          </dd>
          <dt>Phone</dt>
          <dd data-testid="profile-phone">
            {a.phone_number ?? "—"}{" "}
            {a.phone_number ? <small>({verified(a.phone_number_verified)})</small> : null}
          </dd>
          {customAttributes
            .filter((c) => !c.userWritable)
            .map((c) => (
              <div key={c.name} style={{ display: "contents" }}>
                <dt>{c.label}</dt>
                <dd data-testid={`profile-${c.name}`}>{a[customAttributeName(c.name)] || "—"}</dd>
              </div>
            ))}
        </dl>
        <p>
          <a href="/account/contact">Change your email or phone number</a>
        </p>
      </section>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Edit your profile</h2>
        <ActionForm action={updateProfile} label="Edit your profile" submit="Save profile" primary>
          <label htmlFor="profile-name">Name</label>
          <input
            id="profile-name"
            name="name"
            defaultValue={a.name ?? ""}
            required
            maxLength={256}
            autoComplete="name"
          />
          <label htmlFor="profile-job-title">Job title</label>
          <input
            id="profile-job-title"
            name="job_title"
            defaultValue={a[customAttributeName("job_title")] ?? ""}
            maxLength={64}
            autoComplete="organization-title"
          />
        </ActionForm>
      </section>
    </>
  );
}
