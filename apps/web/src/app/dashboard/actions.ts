"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { apiFetch } from "~/server/api-client";
import { requireSession, withSession } from "~/server/auth";

export interface ActionState {
  error?: string;
}

const NewNote = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the note a title")
    .max(200, "The title is too long (200 characters at most)"),
  body: z.string().max(10_000, "The note is too long").default(""),
});

/** Creates a note through `POST /notes` (Next.js checks the action's origin: no cross-site posts). */
export async function createNote(_prev: ActionState, form: FormData): Promise<ActionState> {
  const session = await requireSession();
  const parsed = NewNote.safeParse({ title: form.get("title"), body: form.get("body") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid note" };
  await withSession(session.user.id, () =>
    apiFetch(session.user.id, "/notes", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parsed.data),
    }),
  );
  revalidatePath("/dashboard");
  return {};
}

const NoteId = z.uuid();

export async function deleteNote(form: FormData): Promise<void> {
  const session = await requireSession();
  const id = NoteId.safeParse(form.get("id"));
  if (!id.success) redirect("/dashboard");
  await withSession(session.user.id, () =>
    apiFetch(session.user.id, `/notes/${id.data}`, { method: "DELETE" }),
  );
  revalidatePath("/dashboard");
}
