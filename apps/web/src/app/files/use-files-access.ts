"use client";

import type { S3Client } from "@aws-sdk/client-s3";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FilesAccess } from "~/files-config";
import { refreshFilesAccess } from "./actions";
import { CREDENTIAL_ERRORS, FilesError, s3ClientFor, toFilesError } from "./s3-browser";

/** New credentials are fetched this long before the current ones expire. */
const REFRESH_BEFORE_MS = 5 * 60 * 1000;

/**
 * The page's temporary credentials, in memory only (React state; never web storage or cookies).
 * They are renewed through a server action shortly before they expire, and once more when S3
 * refuses them (expired while the tab slept, or revoked).
 */
export function useFilesAccess(initial: FilesAccess) {
  const [access, setAccess] = useState(initial);
  const current = useRef(initial);
  const pending = useRef<Promise<FilesAccess> | null>(null);
  const client = useRef<{ access: FilesAccess; s3: S3Client } | null>(null);

  const refresh = useCallback((): Promise<FilesAccess> => {
    pending.current ??= refreshFilesAccess()
      .then((result) => {
        if (!result.ok) throw new FilesError("CredentialsUnavailable", result.error);
        // Signed out meanwhile (another tab): the server now answers with a guest's credentials.
        if (initial.privatePrefix && result.access.privatePrefix !== initial.privatePrefix) {
          throw new FilesError(
            "CredentialsUnavailable",
            "You were signed out. Sign in again to see your files.",
          );
        }
        current.current = result.access;
        setAccess(result.access);
        return result.access;
      })
      .finally(() => {
        pending.current = null;
      });
    return pending.current;
  }, [initial.privatePrefix]);

  useEffect(() => {
    const delay = Math.max(0, access.credentials.expiration - Date.now() - REFRESH_BEFORE_MS);
    const timer = window.setTimeout(() => {
      // A failure here is retried by the next S3 call, which refreshes when needed.
      refresh().catch(() => undefined);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [access, refresh]);

  const clientFor = useCallback((a: FilesAccess): S3Client => {
    if (client.current?.access !== a) {
      client.current?.s3.destroy();
      client.current = { access: a, s3: s3ClientFor(a) };
    }
    return client.current.s3;
  }, []);

  /** Runs an S3 call with fresh credentials; retries once with new ones when S3 refuses them. */
  const run = useCallback(
    async <T>(op: (s3: S3Client, access: FilesAccess) => Promise<T>): Promise<T> => {
      let a = current.current;
      if (a.credentials.expiration - Date.now() < REFRESH_BEFORE_MS) a = await refresh();
      try {
        return await op(clientFor(a), a);
      } catch (err) {
        const e = toFilesError(err);
        if (!CREDENTIAL_ERRORS.has(e.code)) throw e;
      }
      a = await refresh();
      try {
        return await op(clientFor(a), a);
      } catch (err) {
        throw toFilesError(err);
      }
    },
    [clientFor, refresh],
  );

  return { access, run };
}
