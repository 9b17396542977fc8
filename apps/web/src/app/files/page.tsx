import type { Metadata } from "next";
import type { FilesAccess } from "~/files-config";
import { auth, withSession } from "~/server/auth";
import { ServiceUnavailableError } from "~/server/errors";
import { filesAccessFor, filesConfigured, guestFilesAccess } from "~/server/identity-credentials";
import { FilesPanel } from "./files-panel";

export const metadata: Metadata = { title: "Files" };
export const dynamic = "force-dynamic";

type Loaded = { access: FilesAccess | null } | { unavailable: true };

/**
 * The Files page: a signed-in user's own files (uploaded straight from the browser to S3 with the
 * identity pool's credentials) and the public files, which guests see too when the identity pool
 * allows unauthenticated identities.
 */
export default async function FilesPage() {
  if (!filesConfigured) {
    return (
      <>
        <h1>Files</h1>
        <p className="notice">Files are not set up on this site.</p>
      </>
    );
  }
  const session = await auth();
  const loaded = await load(session?.user.id);
  return (
    <>
      <h1>Files</h1>
      {"unavailable" in loaded ? (
        <p role="alert" className="notice">
          The file service is not answering right now. Your files are safe; please try again in a moment.
        </p>
      ) : loaded.access ? (
        <>
          {session ? null : (
            <p>
              <a href="/signin?callbackUrl=%2Ffiles">Sign in</a> to upload your own files.
            </p>
          )}
          <FilesPanel initialAccess={loaded.access} />
        </>
      ) : (
        <p>
          <a href="/signin?callbackUrl=%2Ffiles">Sign in</a> to upload and see files.
        </p>
      )}
    </>
  );
}

async function load(userId: string | undefined): Promise<Loaded> {
  try {
    if (userId) return { access: await withSession(userId, () => filesAccessFor(userId)) };
    return { access: await guestFilesAccess() };
  } catch (err) {
    if (!(err instanceof ServiceUnavailableError)) throw err;
    console.error(JSON.stringify({ level: "error", msg: "files credentials", error: err.message }));
    return { unavailable: true };
  }
}
