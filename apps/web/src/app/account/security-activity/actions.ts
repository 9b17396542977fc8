"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { endAllSessions, endLocalSessions, requireSession } from "~/server/auth";
import {
  confirmEvent,
  EventId,
  secureAccount,
  UnknownAuthEventError,
  UserGoneError,
} from "~/server/security-activity";
import { clearSessionCookie } from "~/server/sign-out";
import { cognitoUsernameOf, userPoolAdmin } from "~/server/user-pool-admin";

const PAGE = "/account/security-activity";

/** The session's user and Cognito username; a session without one is ended. */
async function signedInUser(): Promise<{ userId: string; username: string }> {
  const { user } = await requireSession(PAGE);
  const username = await cognitoUsernameOf(user.id);
  if (!username) {
    await endLocalSessions(user.id);
    redirect("/signin?reason=expired");
  }
  return { userId: user.id, username };
}

/** The event's ID from the form, or back to the page when it is not one. */
function eventIdOf(form: FormData): string {
  const parsed = EventId.safeParse(form.get("eventId"));
  if (!parsed.success) redirect(`${PAGE}?error=unknown-event`);
  return parsed.data;
}

/** Runs `fn`; an unknown event or a deleted user are told, not thrown to the error page. */
async function handled<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UnknownAuthEventError) redirect(`${PAGE}?error=unknown-event`);
    if (err instanceof UserGoneError) {
      await endLocalSessions(userId);
      await clearSessionCookie();
      redirect("/signin?reason=expired");
    }
    throw err;
  }
}

/**
 * "This was me": feedback `Valid` on the event. A server action, so Next.js refuses posts whose
 * Origin is not this site.
 */
export async function markEventValid(form: FormData): Promise<void> {
  const { userId, username } = await signedInUser();
  const eventId = eventIdOf(form);
  await handled(userId, () => confirmEvent(userPoolAdmin, username, eventId));
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=valid`);
}

/**
 * "This wasn't me": feedback `Invalid`, sign out everywhere (Cognito and every local session,
 * this browser's included), and a required password reset; then the page that explains it.
 */
export async function reportEventNotMe(form: FormData): Promise<void> {
  const { userId, username } = await signedInUser();
  const eventId = eventIdOf(form);
  const outcome = await handled(userId, () =>
    secureAccount(userPoolAdmin, () => endAllSessions(userId), username, eventId),
  );
  await clearSessionCookie();
  const query = outcome.failed.length > 0 ? `?incomplete=${outcome.failed.join(",")}` : "";
  redirect(`${PAGE}/secured${query}`);
}
