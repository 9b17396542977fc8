import type { Metadata } from "next";
import { NewNoteForm } from "~/components/new-note-form";
import { callApi } from "~/server/api-client";
import { requireSession, withSession } from "~/server/auth";
import { deleteNote } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const session = await requireSession("/dashboard");
  const userId = session.user.id;
  // `GET /dashboard`: the bodies of `GET /me` and of the first page of `GET /notes`, in one call.
  const { me, notes } = await withSession(userId, () =>
    callApi(userId, "get-dashboard", { query: { limit: 50 } }),
  );
  return (
    <>
      <h1>Dashboard</h1>
      <section aria-labelledby="me-heading">
        <h2 id="me-heading">Your account</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd data-testid="me-email">{me.profile?.email ?? session.user.email ?? "—"}</dd>
          <dt>User ID</dt>
          <dd data-testid="me-sub">{me.sub}</dd>
          <dt>Groups</dt>
          <dd data-testid="me-groups">{me.groups.join(", ") || "none"}</dd>
          <dt>Plan</dt>
          <dd>{me.profile?.plan ?? "free"}</dd>
        </dl>
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Your notes</h2>
        {notes.notes.length === 0 ? <p>No notes yet.</p> : null}
        <ul className="notes" aria-label="Notes">
          {notes.notes.map((note) => (
            <li key={note.id}>
              <strong>{note.title}</strong>
              {note.body ? <p>{note.body}</p> : null}
              <form action={deleteNote}>
                <input type="hidden" name="id" value={note.id} />
                <button type="submit" aria-label={`Delete ${note.title}`}>
                  Delete
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <NewNoteForm />
    </>
  );
}
