import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { FilesAccess } from "~/files-config";

/**
 * The browser's side of the Files page: S3 calls made straight from the browser with the
 * identity pool's temporary credentials (kept in memory only). Uploads go through presigned URLs
 * and XMLHttpRequest, the one browser API that reports upload progress; files above
 * {@link MULTIPART_THRESHOLD} go up in parts, and a failed or cancelled multipart upload is aborted.
 */

export const MULTIPART_THRESHOLD = 8 * 1024 * 1024;
export const PART_SIZE = 8 * 1024 * 1024;
/** Presigned URLs live long enough for one upload or download to start. */
const PRESIGN_SECONDS = 300;

export interface StoredFile {
  key: string;
  name: string;
  size: number;
  lastModified: string | null;
}

/** An S3 (or network) failure, with S3's error code (`AccessDenied`, `ExpiredToken`, …) or `NetworkError`. */
export class FilesError extends Error {
  override name = "FilesError";
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Codes meaning "these credentials are no longer good": fetch new ones and try again. */
export const CREDENTIAL_ERRORS = new Set([
  "ExpiredToken",
  "InvalidToken",
  "InvalidAccessKeyId",
  "TokenRefreshRequired",
]);

export function s3ClientFor(access: FilesAccess): S3Client {
  const { credentials: c, s3 } = access;
  return new S3Client({
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    credentials: {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: new Date(c.expiration),
    },
    maxAttempts: 2,
    // Checksums only where S3 requires them: a presigned PUT cannot carry a checksum of a body
    // the signer never saw.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Any error of the SDK, XMLHttpRequest or fetch as a {@link FilesError}. */
export function toFilesError(err: unknown): FilesError {
  if (err instanceof FilesError) return err;
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  // fetch rejects with a TypeError when the network (or CORS) fails: the SDK passes it on.
  if (err instanceof TypeError || e?.name === "TimeoutError" || e?.name === "NetworkError") {
    return new FilesError("NetworkError", "The file service cannot be reached", { cause: err });
  }
  return new FilesError(e?.name ?? "UnknownError", e?.message ?? "The file service failed", { cause: err });
}

/** The file name users see, and the last segment of its key: no folders, no control characters. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name.replace(/[\\/]/g, "_"))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f;
    })
    .join("")
    .trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..")
    throw new FilesError("InvalidName", "That file name cannot be used");
  // S3 keys are at most 1024 bytes; leave room for the folder.
  if (new TextEncoder().encode(cleaned).length > 900)
    throw new FilesError("InvalidName", "That file name is too long");
  return cleaned;
}

/** `Content-Disposition` that makes the browser save the file under its name when it is downloaded. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Every object under `prefix`, page by page (S3 returns at most 1000 per call). */
export async function listFiles(client: S3Client, bucket: string, prefix: string): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) {
      if (!o.Key || o.Key === prefix) continue;
      files.push({
        key: o.Key,
        name: o.Key.slice(prefix.length),
        size: o.Size ?? 0,
        lastModified: o.LastModified ? o.LastModified.toISOString() : null,
      });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

export async function deleteFile(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

/** A short-lived GET URL (the object was stored with an attachment `Content-Disposition`). */
export function downloadUrl(client: S3Client, bucket: string, key: string): Promise<string> {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: PRESIGN_SECONDS,
  });
}

export interface UploadOptions {
  onProgress: (sent: number, total: number) => void;
  signal: AbortSignal;
}

/** Uploads `file` to `key`: one presigned PUT, or presigned parts for large files. */
export async function uploadFile(
  client: S3Client,
  bucket: string,
  key: string,
  file: File,
  opts: UploadOptions,
): Promise<void> {
  const contentType = file.type || "application/octet-stream";
  const disposition = attachmentDisposition(file.name);
  if (file.size <= MULTIPART_THRESHOLD) {
    const url = await getSignedUrl(
      client,
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: contentType,
        ContentDisposition: disposition,
      }),
      { expiresIn: PRESIGN_SECONDS },
    );
    await xhrPut(
      url,
      file,
      { "content-type": contentType, "content-disposition": disposition },
      (sent) => opts.onProgress(sent, file.size),
      opts.signal,
    );
    opts.onProgress(file.size, file.size);
    return;
  }

  const { UploadId } = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      ContentType: contentType,
      ContentDisposition: disposition,
    }),
  );
  if (!UploadId) throw new FilesError("InternalError", "S3 started no upload");
  try {
    const parts: { PartNumber: number; ETag: string }[] = [];
    for (let start = 0, n = 1; start < file.size; start += PART_SIZE, n++) {
      const blob = file.slice(start, Math.min(start + PART_SIZE, file.size));
      const url = await getSignedUrl(
        client,
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n }),
        { expiresIn: PRESIGN_SECONDS },
      );
      const etag = await xhrPut(
        url,
        blob,
        {},
        (sent) => opts.onProgress(start + sent, file.size),
        opts.signal,
      );
      if (!etag) throw new FilesError("MissingETag", "S3 did not expose the part's ETag (bucket CORS)");
      parts.push({ PartNumber: n, ETag: etag });
    }
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    opts.onProgress(file.size, file.size);
  } catch (err) {
    // Parts already sent are stored (and billed) until the upload is aborted.
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId }))
      .catch(() => undefined);
    throw err;
  }
}

/** PUT through XMLHttpRequest for its upload progress events; resolves with the response's ETag. */
function xhrPut(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new FilesError("Cancelled", "The upload was cancelled"));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.getResponseHeader("ETag"));
      else reject(s3XmlError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new FilesError("NetworkError", "The file service cannot be reached"));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new FilesError("Cancelled", "The upload was cancelled"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** S3's `<Error><Code>…</Code><Message>…</Message></Error>` body as a {@link FilesError}. */
export function s3XmlError(status: number, body: string): FilesError {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? `HTTP${status}`;
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? `S3 answered HTTP ${status}`;
  return new FilesError(code, message);
}
