"use client";

import { useActionState } from "react";
import { type ActionState, createNote } from "~/app/dashboard/actions";

export function NewNoteForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createNote, {});
  return (
    <form action={action} className="stack" aria-labelledby="new-note-heading">
      <h2 id="new-note-heading">New note</h2>
      <label htmlFor="note-title">Title</label>
      <input id="note-title" name="title" required maxLength={200} />
      <label htmlFor="note-body">Note</label>
      <textarea id="note-body" name="body" rows={3} maxLength={10000} />
      {state.error ? (
        <p role="alert" className="notice">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Saving…" : "Add note"}
      </button>
    </form>
  );
}
