import { createHash } from "node:crypto";
import { z } from "zod";
import { S3Error, xmlEscape } from "./errors";
import type { S3Operation } from "./request";
import type { Bucket, ObjectMeta, ObjectRecord, S3Store } from "./store";

export interface S3Call {
  s3: S3Store;
  bucket: Bucket;
  key: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Uint8Array;
  now: number;
}

export interface Handled {
  status?: number;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const xml = (body: string): Handled => ({
  headers: { "content-type": "application/xml" },
  body: XML_HEAD + body,
});
const iso = (ms: number) => new Date(ms).toISOString();

function metaFrom(headers: Record<string, string>): ObjectMeta {
  const user: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith("x-amz-meta-")) user[name.slice("x-amz-meta-".length)] = value;
  }
  return {
    ...(headers["content-type"] ? { contentType: headers["content-type"] } : {}),
    ...(headers["content-encoding"] && headers["content-encoding"] !== "aws-chunked"
      ? { contentEncoding: headers["content-encoding"].replace(/(^|,\s*)aws-chunked/, "") }
      : {}),
    ...(headers["content-disposition"] ? { contentDisposition: headers["content-disposition"] } : {}),
    ...(headers["cache-control"] ? { cacheControl: headers["cache-control"] } : {}),
    user,
  };
}

function objectHeaders(o: ObjectRecord): Record<string, string> {
  return {
    etag: o.etag,
    "last-modified": new Date(o.lastModified).toUTCString(),
    "content-length": String(o.size),
    "content-type": o.meta.contentType ?? "binary/octet-stream",
    "accept-ranges": "bytes",
    ...(o.meta.contentEncoding ? { "content-encoding": o.meta.contentEncoding } : {}),
    ...(o.meta.contentDisposition ? { "content-disposition": o.meta.contentDisposition } : {}),
    ...(o.meta.cacheControl ? { "cache-control": o.meta.cacheControl } : {}),
    ...Object.fromEntries(Object.entries(o.meta.user).map(([k, v]) => [`x-amz-meta-${k}`, v])),
  };
}

const noSuchKey = (call: S3Call) =>
  new S3Error("NoSuchKey", "The specified key does not exist.", `/${call.bucket.name}/${call.key}`);

function requireUpload(call: S3Call): string {
  const uploadId = call.query.get("uploadId") ?? "";
  const upload = call.s3.getUpload(uploadId);
  if (!upload || upload.bucket !== call.bucket.name || upload.key !== call.key) {
    throw new S3Error(
      "NoSuchUpload",
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    );
  }
  return uploadId;
}

const ListQuery = z.object({
  prefix: z.string().default(""),
  delimiter: z.string().optional(),
  "max-keys": z.coerce.number().int().min(0).max(2147483647).default(1000),
  "continuation-token": z.string().optional(),
  "start-after": z.string().optional(),
  "encoding-type": z.enum(["url"]).optional(),
  "fetch-owner": z.string().optional(),
});

const CompleteBody = z
  .array(z.object({ partNumber: z.number().int().min(1).max(10000), etag: z.string().min(1) }))
  .min(1);

function parseComplete(xmlText: string) {
  const parts: { partNumber: number; etag: string }[] = [];
  for (const m of xmlText.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const inner = m[1] ?? "";
    const n = /<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(inner)?.[1];
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(inner)?.[1];
    parts.push({ partNumber: Number(n), etag: (etag ?? "").replace(/&quot;/g, '"').trim() });
  }
  const parsed = CompleteBody.safeParse(parts);
  if (!parsed.success) {
    throw new S3Error(
      "MalformedXML",
      "The XML you provided was not well-formed or did not validate against our published schema.",
    );
  }
  return parsed.data;
}

const MIN_PART = 5 * 1024 * 1024;

export const operations: Record<S3Operation["name"], (call: S3Call) => Handled | Promise<Handled>> = {
  HeadBucket: () => ({ headers: { "x-amz-bucket-region": "us-east-1" } }),

  ListObjectsV2: (call) => {
    const parsed = ListQuery.safeParse(Object.fromEntries(call.query));
    if (!parsed.success) throw new S3Error("InvalidArgument", "Invalid list parameters.");
    const q = parsed.data;
    let after = q["start-after"] ?? "";
    if (q["continuation-token"] !== undefined) {
      const decoded = Buffer.from(q["continuation-token"], "base64url").toString("utf8");
      if (!decoded.startsWith("k:"))
        throw new S3Error("InvalidArgument", "The continuation token provided is incorrect");
      after = decoded.slice(2);
    }
    const enc = (s: string) => xmlEscape(q["encoding-type"] === "url" ? encodeURIComponent(s) : s);
    const contents: ObjectRecord[] = [];
    const prefixes: string[] = [];
    let truncated = false;
    let last = after;
    let cursor = after;
    while (contents.length + prefixes.length < q["max-keys"]) {
      const batch = call.s3.listObjects(call.bucket.name, q.prefix, cursor, 1000);
      if (batch.length === 0) break;
      for (const o of batch) {
        cursor = o.key;
        if (contents.length + prefixes.length >= q["max-keys"]) {
          truncated = true;
          break;
        }
        const restKey = o.key.slice(q.prefix.length);
        const d = q.delimiter ? restKey.indexOf(q.delimiter) : -1;
        if (q.delimiter && d !== -1) {
          const common = q.prefix + restKey.slice(0, d + q.delimiter.length);
          if (prefixes[prefixes.length - 1] !== common) prefixes.push(common);
          // Skip the rest of this common prefix in one step.
          cursor = `${common}\u{10FFFF}`;
          last = cursor;
          break;
        }
        contents.push(o);
        last = o.key;
      }
      if (truncated) break;
    }
    if (!truncated && contents.length + prefixes.length >= q["max-keys"] && q["max-keys"] > 0) {
      truncated = call.s3.listObjects(call.bucket.name, q.prefix, cursor, 1).length > 0;
    }
    const keyCount = contents.length + prefixes.length;
    return xml(
      `<ListBucketResult ${NS}><Name>${xmlEscape(call.bucket.name)}</Name><Prefix>${enc(q.prefix)}</Prefix>` +
        (q["start-after"] !== undefined ? `<StartAfter>${enc(q["start-after"])}</StartAfter>` : "") +
        (q["continuation-token"] !== undefined
          ? `<ContinuationToken>${xmlEscape(q["continuation-token"])}</ContinuationToken>`
          : "") +
        `<KeyCount>${keyCount}</KeyCount><MaxKeys>${q["max-keys"]}</MaxKeys>` +
        (q.delimiter !== undefined ? `<Delimiter>${enc(q.delimiter)}</Delimiter>` : "") +
        (q["encoding-type"] ? "<EncodingType>url</EncodingType>" : "") +
        `<IsTruncated>${truncated}</IsTruncated>` +
        (truncated
          ? `<NextContinuationToken>${Buffer.from(`k:${last}`).toString("base64url")}</NextContinuationToken>`
          : "") +
        contents
          .map(
            (o) =>
              `<Contents><Key>${enc(o.key)}</Key><LastModified>${iso(o.lastModified)}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
          )
          .join("") +
        prefixes.map((p) => `<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`).join("") +
        "</ListBucketResult>",
    );
  },

  GetObject: (call) => {
    const found = call.s3.readObject(call.bucket.name, call.key);
    if (!found) throw noSuchKey(call);
    return { headers: objectHeaders(found.record), body: new Uint8Array(found.body) };
  },

  HeadObject: (call) => {
    const found = call.s3.headObject(call.bucket.name, call.key);
    if (!found) throw noSuchKey(call);
    return { headers: objectHeaders(found) };
  },

  PutObject: (call) => {
    const o = call.s3.putObject(call.bucket.name, call.key, call.body, metaFrom(call.headers), call.now);
    return { headers: { etag: o.etag } };
  },

  DeleteObject: (call) => {
    call.s3.deleteObject(call.bucket.name, call.key);
    return { status: 204, headers: {} };
  },

  CreateMultipartUpload: (call) => {
    const uploadId = call.s3.createUpload(call.bucket.name, call.key, metaFrom(call.headers), call.now);
    return xml(
      `<InitiateMultipartUploadResult ${NS}><Bucket>${xmlEscape(call.bucket.name)}</Bucket><Key>${xmlEscape(call.key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
    );
  },

  UploadPart: (call) => {
    const uploadId = requireUpload(call);
    const partNumber = Number(call.query.get("partNumber"));
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
      throw new S3Error("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
    }
    return { headers: { etag: call.s3.putPart(uploadId, partNumber, call.body) } };
  },

  CompleteMultipartUpload: (call) => {
    const uploadId = requireUpload(call);
    const upload = call.s3.getUpload(uploadId);
    const wanted = parseComplete(Buffer.from(call.body).toString("utf8"));
    const stored = new Map(call.s3.listParts(uploadId).map((p) => [p.partNumber, p]));
    const chosen = wanted.map((w, i) => {
      const prev = wanted[i - 1];
      if (prev && prev.partNumber >= w.partNumber) {
        throw new S3Error(
          "InvalidPartOrder",
          "The list of parts was not in ascending order. The parts list must be specified in order by part number.",
        );
      }
      const part = stored.get(w.partNumber);
      if (!part || part.etag.replace(/"/g, "") !== w.etag.replace(/"/g, "")) {
        throw new S3Error(
          "InvalidPart",
          "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        );
      }
      return part;
    });
    chosen.forEach((p, i) => {
      if (i < chosen.length - 1 && p.size < MIN_PART) {
        throw new S3Error(
          "EntityTooSmall",
          "Your proposed upload is smaller than the minimum allowed object size.",
        );
      }
    });
    const data = Buffer.concat(chosen.map((p) => call.s3.readPart(p)));
    const md5s = Buffer.concat(chosen.map((p) => Buffer.from(p.etag.replace(/"/g, ""), "hex")));
    const etag = `"${createHash("md5").update(md5s).digest("hex")}-${chosen.length}"`;
    call.s3.putObject(call.bucket.name, call.key, data, upload?.meta ?? { user: {} }, call.now, etag);
    call.s3.dropUpload(uploadId);
    return xml(
      `<CompleteMultipartUploadResult ${NS}><Location>/${xmlEscape(call.bucket.name)}/${xmlEscape(call.key)}</Location><Bucket>${xmlEscape(call.bucket.name)}</Bucket><Key>${xmlEscape(call.key)}</Key><ETag>${xmlEscape(etag)}</ETag></CompleteMultipartUploadResult>`,
    );
  },

  AbortMultipartUpload: (call) => {
    call.s3.dropUpload(requireUpload(call));
    return { status: 204, headers: {} };
  },
};
