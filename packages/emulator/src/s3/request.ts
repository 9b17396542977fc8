import { S3Error } from "./errors";

/** What an S3 request asks for, and the IAM action and resource it is authorized as. */
export interface S3Operation {
  name:
    | "HeadBucket"
    | "ListObjectsV2"
    | "GetObject"
    | "HeadObject"
    | "PutObject"
    | "DeleteObject"
    | "CreateMultipartUpload"
    | "UploadPart"
    | "CompleteMultipartUpload"
    | "AbortMultipartUpload";
  action: string;
  resource: string;
}

/** Maps method + key + sub-resource query to an operation; the rest is NotImplemented. */
export function classify(method: string, bucket: string, key: string, query: URLSearchParams): S3Operation {
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const objectArn = `${bucketArn}/${key}`;
  const notImplemented = () =>
    new S3Error(
      "NotImplemented",
      "A header or query you provided implies functionality that is not implemented.",
    );
  if (key === "") {
    if (method === "HEAD") return { name: "HeadBucket", action: "s3:ListBucket", resource: bucketArn };
    if (method === "GET" && query.get("list-type") === "2") {
      return { name: "ListObjectsV2", action: "s3:ListBucket", resource: bucketArn };
    }
    throw notImplemented();
  }
  const uploadId = query.get("uploadId");
  switch (method) {
    case "GET":
      if (uploadId !== null || query.has("uploads") || query.has("acl") || query.has("tagging"))
        throw notImplemented();
      return { name: "GetObject", action: "s3:GetObject", resource: objectArn };
    case "HEAD":
      return { name: "HeadObject", action: "s3:GetObject", resource: objectArn };
    case "PUT":
      if (uploadId !== null && query.has("partNumber")) {
        return { name: "UploadPart", action: "s3:PutObject", resource: objectArn };
      }
      if (uploadId !== null || query.has("acl") || query.has("tagging")) throw notImplemented();
      return { name: "PutObject", action: "s3:PutObject", resource: objectArn };
    case "POST":
      if (query.has("uploads"))
        return { name: "CreateMultipartUpload", action: "s3:PutObject", resource: objectArn };
      if (uploadId !== null)
        return { name: "CompleteMultipartUpload", action: "s3:PutObject", resource: objectArn };
      throw notImplemented();
    case "DELETE":
      if (uploadId !== null) {
        return { name: "AbortMultipartUpload", action: "s3:AbortMultipartUpload", resource: objectArn };
      }
      return { name: "DeleteObject", action: "s3:DeleteObject", resource: objectArn };
    default:
      throw new S3Error("MethodNotAllowed", "The specified method is not allowed against this resource.");
  }
}

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>\r\n`),
 * as the SDK sends with `STREAMING-UNSIGNED-PAYLOAD-TRAILER`.
 */
export function decodeAwsChunked(body: Uint8Array): Buffer {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = buf.indexOf("\r\n", pos);
    if (eol === -1) throw new S3Error("InvalidRequest", "Malformed aws-chunked body.");
    const size = Number.parseInt(buf.subarray(pos, eol).toString("latin1").split(";")[0] ?? "", 16);
    if (!Number.isFinite(size) || size < 0)
      throw new S3Error("InvalidRequest", "Malformed aws-chunked body.");
    if (size === 0) return Buffer.concat(out);
    const start = eol + 2;
    if (start + size > buf.length) throw new S3Error("InvalidRequest", "Malformed aws-chunked body.");
    out.push(buf.subarray(start, start + size));
    pos = start + size + 2;
  }
}
