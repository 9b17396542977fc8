import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { type PolicyDocument, parsePolicy } from "../iam/policy";
import type { Store } from "../store/store";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS s3_buckets (name TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS s3_objects (
  bucket TEXT NOT NULL, key TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
  last_modified INTEGER NOT NULL, file TEXT NOT NULL, meta TEXT NOT NULL, PRIMARY KEY (bucket, key)
);
CREATE TABLE IF NOT EXISTS s3_uploads (
  upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT NULL, initiated INTEGER NOT NULL, meta TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS s3_parts (
  upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, etag TEXT NOT NULL, size INTEGER NOT NULL,
  file TEXT NOT NULL, PRIMARY KEY (upload_id, part_number)
);
`;

/** One rule of `aws_s3_bucket_cors_configuration`, in S3's API names. */
export interface CorsRule {
  AllowedOrigins: string[];
  AllowedMethods: string[];
  AllowedHeaders?: string[];
  ExposeHeaders?: string[];
  MaxAgeSeconds?: number;
}

export interface Bucket {
  name: string;
  cors: CorsRule[];
  /** The bucket policy (resource policy), evaluated together with the caller's role policies. */
  policy?: PolicyDocument;
}

/** Headers kept with an object and returned on GET/HEAD. */
export interface ObjectMeta {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  cacheControl?: string;
  /** `x-amz-meta-*`, names lower-cased without the prefix. */
  user: Record<string, string>;
}

export interface ObjectRecord {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  /** Epoch ms. */
  lastModified: number;
  meta: ObjectMeta;
}

export interface PartRecord {
  partNumber: number;
  etag: string;
  size: number;
  file: string;
}

/** Buckets, object metadata and multipart uploads in SQLite; object bytes as files under `dataDir`. */
export class S3Store {
  private readonly db: Database.Database;
  constructor(
    store: Store,
    readonly dataDir: string,
  ) {
    this.db = store.db;
    this.db.exec(SCHEMA);
    mkdirSync(join(dataDir, ".tmp"), { recursive: true });
  }

  putBucket(input: { name: string; cors?: CorsRule[]; policy?: string | object }): Bucket {
    const bucket: Bucket = {
      name: input.name,
      cors: input.cors ?? [],
      ...(input.policy !== undefined ? { policy: parsePolicy(input.policy) } : {}),
    };
    this.db
      .prepare(
        "INSERT INTO s3_buckets (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data",
      )
      .run(bucket.name, JSON.stringify(bucket));
    mkdirSync(join(this.dataDir, bucket.name), { recursive: true });
    return bucket;
  }
  getBucket(name: string): Bucket | undefined {
    const row = this.db.prepare("SELECT data FROM s3_buckets WHERE name = ?").get(name) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as Bucket) : undefined;
  }

  private writeFile(data: Uint8Array): string {
    const tmp = join(this.dataDir, ".tmp", randomBytes(12).toString("hex"));
    writeFileSync(tmp, data);
    return tmp;
  }

  putObject(
    bucket: string,
    key: string,
    data: Uint8Array,
    meta: ObjectMeta,
    now: number,
    etag?: string,
  ): ObjectRecord {
    const tmp = this.writeFile(data);
    const file = join(bucket, createHash("sha256").update(key).digest("hex"));
    renameSync(tmp, join(this.dataDir, file));
    const record: ObjectRecord = {
      bucket,
      key,
      size: data.byteLength,
      etag: etag ?? `"${createHash("md5").update(data).digest("hex")}"`,
      lastModified: now,
      meta,
    };
    this.db
      .prepare(
        `INSERT INTO s3_objects (bucket, key, size, etag, last_modified, file, meta) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(bucket, key) DO UPDATE SET size = excluded.size, etag = excluded.etag,
         last_modified = excluded.last_modified, file = excluded.file, meta = excluded.meta`,
      )
      .run(bucket, key, record.size, record.etag, now, file, JSON.stringify(meta));
    return record;
  }

  private rowToObject(row: {
    bucket: string;
    key: string;
    size: number;
    etag: string;
    last_modified: number;
    meta: string;
  }): ObjectRecord {
    return {
      bucket: row.bucket,
      key: row.key,
      size: row.size,
      etag: row.etag,
      lastModified: row.last_modified,
      meta: JSON.parse(row.meta) as ObjectMeta,
    };
  }

  headObject(bucket: string, key: string): ObjectRecord | undefined {
    const row = this.db.prepare("SELECT * FROM s3_objects WHERE bucket = ? AND key = ?").get(bucket, key) as
      | Parameters<S3Store["rowToObject"]>[0]
      | undefined;
    return row ? this.rowToObject(row) : undefined;
  }
  readObject(bucket: string, key: string): { record: ObjectRecord; body: Buffer } | undefined {
    const row = this.db.prepare("SELECT * FROM s3_objects WHERE bucket = ? AND key = ?").get(bucket, key) as
      | (Parameters<S3Store["rowToObject"]>[0] & { file: string })
      | undefined;
    if (!row) return undefined;
    return { record: this.rowToObject(row), body: readFileSync(join(this.dataDir, row.file)) };
  }
  deleteObject(bucket: string, key: string): void {
    const row = this.db
      .prepare("SELECT file FROM s3_objects WHERE bucket = ? AND key = ?")
      .get(bucket, key) as { file: string } | undefined;
    if (!row) return;
    this.db.prepare("DELETE FROM s3_objects WHERE bucket = ? AND key = ?").run(bucket, key);
    rmSync(join(this.dataDir, row.file), { force: true });
  }
  /** Keys starting with `prefix` and after `after`, in UTF-8 byte order, at most `limit`. */
  listObjects(bucket: string, prefix: string, after: string, limit: number): ObjectRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM s3_objects WHERE bucket = ? AND key > ? AND substr(key, 1, ?) = ? ORDER BY key LIMIT ?`,
      )
      .all(bucket, after, prefix.length, prefix, limit) as Parameters<S3Store["rowToObject"]>[0][];
    return rows.map((r) => this.rowToObject(r));
  }

  // --- multipart uploads ---
  createUpload(bucket: string, key: string, meta: ObjectMeta, now: number): string {
    const uploadId = randomBytes(24).toString("base64url");
    this.db
      .prepare("INSERT INTO s3_uploads (upload_id, bucket, key, initiated, meta) VALUES (?, ?, ?, ?, ?)")
      .run(uploadId, bucket, key, now, JSON.stringify(meta));
    return uploadId;
  }
  getUpload(uploadId: string): { bucket: string; key: string; meta: ObjectMeta } | undefined {
    const row = this.db
      .prepare("SELECT bucket, key, meta FROM s3_uploads WHERE upload_id = ?")
      .get(uploadId) as { bucket: string; key: string; meta: string } | undefined;
    return row ? { bucket: row.bucket, key: row.key, meta: JSON.parse(row.meta) as ObjectMeta } : undefined;
  }
  putPart(uploadId: string, partNumber: number, data: Uint8Array): string {
    const tmp = this.writeFile(data);
    const file = join(".tmp", `part-${uploadId}-${partNumber}`);
    renameSync(tmp, join(this.dataDir, file));
    const etag = `"${createHash("md5").update(data).digest("hex")}"`;
    this.db
      .prepare(
        `INSERT INTO s3_parts (upload_id, part_number, etag, size, file) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(upload_id, part_number) DO UPDATE SET etag = excluded.etag, size = excluded.size, file = excluded.file`,
      )
      .run(uploadId, partNumber, etag, data.byteLength, file);
    return etag;
  }
  listParts(uploadId: string): PartRecord[] {
    return (
      this.db
        .prepare(
          "SELECT part_number, etag, size, file FROM s3_parts WHERE upload_id = ? ORDER BY part_number",
        )
        .all(uploadId) as { part_number: number; etag: string; size: number; file: string }[]
    ).map((r) => ({ partNumber: r.part_number, etag: r.etag, size: r.size, file: r.file }));
  }
  readPart(part: PartRecord): Buffer {
    return readFileSync(join(this.dataDir, part.file));
  }
  /** Forgets an upload and its parts' files. */
  dropUpload(uploadId: string): void {
    for (const part of this.listParts(uploadId)) rmSync(join(this.dataDir, part.file), { force: true });
    this.db.prepare("DELETE FROM s3_parts WHERE upload_id = ?").run(uploadId);
    this.db.prepare("DELETE FROM s3_uploads WHERE upload_id = ?").run(uploadId);
  }
}
