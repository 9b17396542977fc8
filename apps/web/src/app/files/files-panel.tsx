"use client";

import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { FilesAccess } from "~/files-config";
import {
  CREDENTIAL_ERRORS,
  deleteFile,
  downloadUrl,
  type FilesError,
  listFiles,
  PART_SIZE,
  type StoredFile,
  safeFileName,
  toFilesError,
  uploadFile,
} from "./s3-browser";
import { useFilesAccess } from "./use-files-access";

const PUBLIC_PREFIX = "public/";
/** S3 takes at most 10,000 parts per upload. */
const MAX_FILE_BYTES = PART_SIZE * 10_000;

interface Upload {
  name: string;
  sent: number;
  total: number;
  cancel: AbortController;
  /** The last upload stays shown, complete, until the next one starts. */
  done: boolean;
}

/** What a person is told when an S3 call fails: what happened and what to do, never a stack. */
function messageFor(e: FilesError): string {
  if (CREDENTIAL_ERRORS.has(e.code)) return "Your access to files has expired. Reload the page to continue.";
  switch (e.code) {
    case "AccessDenied":
      return "You do not have access to that file.";
    case "NoSuchKey":
      return "That file is no longer there.";
    case "NetworkError":
      return "The file service cannot be reached. Check your connection and try again.";
    case "Cancelled":
      return "The upload was cancelled.";
    case "InvalidName":
    case "CredentialsUnavailable":
      return e.message;
    case "EntityTooLarge":
      return "That file is too large.";
    default:
      return `The file service refused the request (${e.code}). Please try again.`;
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * A signed-in user's files (upload with progress, list, download, delete) and the public files;
 * a guest sees the public files only. Every S3 call goes from the browser to the bucket.
 */
export function FilesPanel({ initialAccess }: { initialAccess: FilesAccess }) {
  const { access, run } = useFilesAccess(initialAccess);
  const { bucket } = access.s3;
  const privatePrefix = access.privatePrefix;
  const [mine, setMine] = useState<StoredFile[] | null>(null);
  const [shared, setShared] = useState<StoredFile[] | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [status, setStatus] = useState("");
  const [listFailed, setListFailed] = useState(false);
  const [error, setError] = useState("");
  const input = useRef<HTMLInputElement>(null);

  const fail = useCallback((err: unknown) => setError(messageFor(toFilesError(err))), []);

  const reload = useCallback(async () => {
    try {
      const [own, pub] = await Promise.all([
        privatePrefix ? run((s3) => listFiles(s3, bucket, privatePrefix)) : Promise.resolve(null),
        run((s3) => listFiles(s3, bucket, PUBLIC_PREFIX)),
      ]);
      setMine(own);
      setShared(pub);
      setListFailed(false);
    } catch (err) {
      setListFailed(true);
      fail(err);
    }
  }, [bucket, privatePrefix, run, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function onUpload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file || !privatePrefix) return;
    setError("");
    setStatus("");
    let name: string;
    try {
      name = safeFileName(file.name);
      if (file.size > MAX_FILE_BYTES) throw toFilesError({ name: "EntityTooLarge" });
    } catch (err) {
      fail(err);
      return;
    }
    const cancel = new AbortController();
    setUpload({ name, sent: 0, total: file.size, cancel, done: false });
    try {
      await run((s3) =>
        uploadFile(s3, bucket, `${privatePrefix}${name}`, file, {
          signal: cancel.signal,
          onProgress: (sent, total) => setUpload((u) => (u ? { ...u, sent, total } : u)),
        }),
      );
      setUpload((u) => (u ? { ...u, sent: u.total, done: true } : u));
      setStatus(`Uploaded ${name}.`);
      if (input.current) input.current.value = "";
      await reload();
    } catch (err) {
      setUpload(null);
      fail(err);
    }
  }

  async function onDownload(file: StoredFile) {
    setError("");
    try {
      const url = await run((s3) => downloadUrl(s3, bucket, file.key));
      // The object carries `Content-Disposition: attachment`: the browser saves it and stays here.
      window.location.assign(url);
    } catch (err) {
      fail(err);
    }
  }

  async function onDelete(file: StoredFile) {
    setError("");
    setStatus("");
    try {
      await run((s3) => deleteFile(s3, bucket, file.key));
      setStatus(`Deleted ${file.name}.`);
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  const uploading = upload !== null && !upload.done;
  const percent = upload ? (upload.total > 0 ? Math.floor((upload.sent / upload.total) * 100) : 100) : 0;

  return (
    <>
      {error ? (
        <p role="alert" className="notice">
          {error}{" "}
          {listFailed ? (
            <button
              type="button"
              onClick={() => {
                setError("");
                void reload();
              }}
            >
              Try again
            </button>
          ) : null}
        </p>
      ) : null}
      <p role="status" className="files-status">
        {status}
      </p>
      {privatePrefix ? (
        <section aria-labelledby="own-files-heading">
          <h2 id="own-files-heading">Your files</h2>
          <p className="muted">
            Only you can read these. They are stored in{" "}
            <code data-testid="files-folder">{privatePrefix}</code>
          </p>
          <form onSubmit={onUpload} className="stack" aria-label="Upload a file">
            <label htmlFor="file-input">Choose a file</label>
            <input id="file-input" ref={input} type="file" name="file" required disabled={uploading} />
            <button type="submit" className="primary" disabled={uploading}>
              Upload
            </button>
          </form>
          {upload ? (
            <div className="upload-progress">
              <label htmlFor="upload-progress">
                {upload.done ? "Uploaded" : "Uploading"} {upload.name}: {percent}%
              </label>
              <progress id="upload-progress" value={upload.sent} max={upload.total || 1} />
              {upload.done ? null : (
                <button type="button" onClick={() => upload.cancel.abort()}>
                  Cancel upload
                </button>
              )}
            </div>
          ) : null}
          <FileList
            label="Your files"
            files={mine}
            failed={listFailed}
            empty="No files yet."
            onDownload={onDownload}
            onDelete={onDelete}
          />
        </section>
      ) : null}
      <section aria-labelledby="public-files-heading">
        <h2 id="public-files-heading">Public files</h2>
        <FileList
          label="Public files"
          files={shared}
          failed={listFailed}
          empty="No public files yet."
          onDownload={onDownload}
        />
      </section>
    </>
  );
}

function FileList(props: {
  label: string;
  files: StoredFile[] | null;
  /** The last listing failed (the alert says why): offer a retry instead of a stale "Loading…". */
  failed: boolean;
  empty: string;
  onDownload: (f: StoredFile) => void;
  onDelete?: (f: StoredFile) => void;
}) {
  if (props.files === null) return <p className="muted">{props.failed ? "Not loaded." : "Loading…"}</p>;
  if (props.files.length === 0) return <p>{props.empty}</p>;
  return (
    <ul className="files" aria-label={props.label}>
      {props.files.map((f) => (
        <li key={f.key}>
          <span className="file-name">{f.name}</span>
          <span className="muted">{formatSize(f.size)}</span>
          <button type="button" onClick={() => props.onDownload(f)} aria-label={`Download ${f.name}`}>
            Download
          </button>
          {props.onDelete ? (
            <button type="button" onClick={() => props.onDelete?.(f)} aria-label={`Delete ${f.name}`}>
              Delete
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
