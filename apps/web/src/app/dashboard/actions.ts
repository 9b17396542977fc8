"use server";

import { CreateNoteRequest, NoteId } from "@repo/api-contract";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { callApi } from "~/server/api-client";
import { requireSession, withSession } from "~/server/auth";

export interface ActionState {
  error?: string;
}

/**
 * Creates a note through `POST /notes`, validated with the API's own schema (its messages are
 * meant for people). Next.js checks the action's origin: no cross-site posts.
 */
export async function createNote(_prev: ActionState, form: FormData): Promise<ActionState> {
  const session = await requireSession();
  const parsed = CreateNoteRequest.safeParse({ title: form.get("title"), body: form.get("body") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid note" };
  await withSession(session.user.id, () => callApi(session.user.id, "create-note", { body: parsed.data }));
  revalidatePath("/dashboard");
  return {};
}

export async function deleteNote(form: FormData): Promise<void> {
  const session = await requireSession();
  const id = NoteId.safeParse(form.get("id"));
  if (!id.success) redirect("/dashboard");
  await withSession(session.user.id, () =>
    callApi(session.user.id, "delete-note", { params: { noteId: id.data } }),
  );
  revalidatePath("/dashboard");
}
