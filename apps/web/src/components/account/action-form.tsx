"use client";

import { type ReactNode, useActionState } from "react";
import type { FormState } from "~/server/form-state";

/**
 * A form posting to a server action (Next.js checks its Origin: no cross-site posts), with the
 * action's error or confirmation shown next to the button. Works without JavaScript too.
 */
export function ActionForm({
  action,
  label,
  submit,
  pendingSubmit,
  primary = false,
  children,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The form's accessible name. */
  label: string;
  submit: string;
  pendingSubmit?: string;
  primary?: boolean;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="stack" aria-label={label}>
      {children}
      {state.error ? (
        <p role="alert" className="notice">
          {state.error}
        </p>
      ) : null}
      {state.message ? <p role="status">{state.message}</p> : null}
      <button type="submit" className={primary ? "primary" : undefined} disabled={pending}>
        {pending ? (pendingSubmit ?? `${submit}…`) : submit}
      </button>
    </form>
  );
}
