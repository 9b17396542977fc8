"use server";

import type { FilesAccess } from "~/files-config";
import { auth, withSession } from "~/server/auth";
import { ServiceUnavailableError } from "~/server/errors";
import { filesAccessFor, guestFilesAccess } from "~/server/identity-credentials";

export type AccessResult = { ok: true; access: FilesAccess } | { ok: false; error: string };

const UNAVAILABLE = "The file service is not answering right now. Please try again in a moment.";

/**
 * New credentials for the Files page before the current ones expire (or after S3 refused them).
 * A signed-in visitor gets their own identity's; a session the pool refuses ends (sign in again);
 * anyone else gets the guest identity's, or an error when the pool allows no guests.
 */
export async function refreshFilesAccess(): Promise<AccessResult> {
  const session = await auth();
  try {
    if (session) {
      const userId = session.user.id;
      return { ok: true, access: await withSession(userId, () => filesAccessFor(userId)) };
    }
    const guest = await guestFilesAccess();
    return guest ? { ok: true, access: guest } : { ok: false, error: "Sign in to see files." };
  } catch (err) {
    if (err instanceof ServiceUnavailableError) {
      console.error(JSON.stringify({ level: "error", msg: "files credentials", error: err.message }));
      return { ok: false, error: UNAVAILABLE };
    }
    throw err;
  }
}
