import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyIdentityResources, identityResourcesOf } from "../../src/cognito-identity";
import { mountS3, type S3Store } from "../../src/s3";
import { loadStack } from "../../src/stack";
import { type UserPoolFixture, useIdentityEmulator, userPool } from "../cognito-identity/support";
import { errorOf } from "../support/emulator";

// The identity pool, roles, policies and bucket of the synthesized `local` stage.
const repo = join(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
const dataDir = mkdtempSync(join(tmpdir(), "emulator-s3-"));

interface Creds {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

describe("S3 with identity-pool credentials (AWS SDK v3)", () => {
  let s3: S3Store;
  const t = useIdentityEmulator((app, emulator) => {
    s3 = mountS3(app, emulator.services, { dataDir });
  });
  let up: UserPoolFixture;
  let identityPoolId = "";
  let bucket = "";
  let alice = {} as Creds;
  let bob = {} as Creds;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    up = await userPool(t.idp);
    const stack = loadStack(join(repo, "packages/infra/cdktf.out/stacks/local"), {
      region: "us-east-1",
      accountId: t.emulator.services.accountId,
      origin: t.emulator.url,
      secretSeed: "files-test",
      overrides: (type, _name, attr) => {
        if (type === "aws_cognito_user_pool" && attr === "endpoint") return up.provider;
        if (type === "aws_cognito_user_pool" && attr === "id") return up.poolId;
        if (type === "aws_cognito_user_pool_client" && attr === "id") return up.clientId;
        return undefined;
      },
    });
    const resources = identityResourcesOf(stack);
    applyIdentityResources(t.emulator.services, resources, s3);
    identityPoolId = resources.identityPools[0]?.pool.IdentityPoolId ?? "";
    bucket = resources.buckets[0]?.name ?? "";
    await up.createUser("alice");
    await up.createUser("bob");
    alice = await credentials("alice");
    bob = await credentials("bob");
    s3.putObject(
      bucket,
      "public/readme.txt",
      Buffer.from("hello, world"),
      { contentType: "text/plain", user: {} },
      Date.now(),
    );
  });

  async function credentials(username?: string): Promise<Creds> {
    const Logins = username ? { [up.provider]: await up.signIn(username) } : undefined;
    const { IdentityId } = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins }),
    );
    const r = await t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    return {
      identityId: IdentityId ?? "",
      accessKeyId: r.Credentials?.AccessKeyId ?? "",
      secretAccessKey: r.Credentials?.SecretKey ?? "",
      sessionToken: r.Credentials?.SessionToken ?? "",
    };
  }

  const client = (c: Creds, extra: { systemClockOffset?: number; secretAccessKey?: string } = {}) =>
    new S3Client({
      endpoint: `${t.url}/_s3`,
      forcePathStyle: true,
      region: "us-east-1",
      maxAttempts: 1,
      credentials: {
        accessKeyId: c.accessKeyId,
        secretAccessKey: extra.secretAccessKey ?? c.secretAccessKey,
        sessionToken: c.sessionToken,
      },
      ...(extra.systemClockOffset !== undefined ? { systemClockOffset: extra.systemClockOffset } : {}),
    });

  it("lets a user put, get, head, list and delete under private/<own identity ID>/", async () => {
    const s = client(alice);
    const key = `private/${alice.identityId}/notes/hello world.txt`;
    const put = await s.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: "first file",
        ContentType: "text/plain",
        Metadata: { a: "1" },
      }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await got.Body?.transformToString()).toBe("first file");
    expect(got.ContentType).toBe("text/plain");
    expect(got.Metadata).toEqual({ a: "1" });
    const head = await s.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ContentLength).toBe(10);
    const list = await s.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `private/${alice.identityId}/` }),
    );
    expect(list.Contents?.map((o) => o.Key)).toEqual([key]);
    await s.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const missing = await errorOf(s.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    expect(missing.name).toBe("NoSuchKey");
    s.destroy();
  });

  it("refuses another identity's prefix with AccessDenied", async () => {
    const s = client(bob);
    const key = `private/${alice.identityId}/secret.txt`;
    await client(alice).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "mine" }));
    for (const command of [
      new GetObjectCommand({ Bucket: bucket, Key: key }),
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: "overwrite" }),
      new DeleteObjectCommand({ Bucket: bucket, Key: key }),
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `private/${alice.identityId}/` }),
      new ListObjectsV2Command({ Bucket: bucket }),
    ]) {
      // biome-ignore lint/suspicious/noExplicitAny: one loop over commands of different shapes
      const e = await errorOf(s.send(command as any));
      expect(e.name).toBe("AccessDenied");
    }
    const got = await client(alice).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await got.Body?.transformToString()).toBe("mine");
  });

  it("gives guests read and list access to public/ only", async () => {
    const guest = await credentials();
    const s = client(guest);
    const got = await s.send(new GetObjectCommand({ Bucket: bucket, Key: "public/readme.txt" }));
    expect(await got.Body?.transformToString()).toBe("hello, world");
    const listed = await s.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "public/" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["public/readme.txt"]);
    const listPrivate = await errorOf(
      s.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `private/${alice.identityId}/` })),
    );
    expect(listPrivate.name).toBe("AccessDenied");
    const put = await errorOf(
      s.send(new PutObjectCommand({ Bucket: bucket, Key: "public/x.txt", Body: "x" })),
    );
    expect(put.name).toBe("AccessDenied");
    const priv = await errorOf(
      s.send(new GetObjectCommand({ Bucket: bucket, Key: `private/${alice.identityId}/secret.txt` })),
    );
    expect(priv.name).toBe("AccessDenied");
    const own = await errorOf(
      s.send(new PutObjectCommand({ Bucket: bucket, Key: `private/${guest.identityId}/x.txt`, Body: "x" })),
    );
    expect(own.name).toBe("AccessDenied");
  });

  it("lists with delimiter, max-keys and continuation tokens", async () => {
    const s = client(alice);
    const base = `private/${alice.identityId}/list/`;
    for (const k of ["a.txt", "b.txt", "c/1.txt", "c/2.txt", "d.txt"]) {
      await s.send(new PutObjectCommand({ Bucket: bucket, Key: base + k, Body: k }));
    }
    const grouped = await s.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: base, Delimiter: "/" }));
    expect(grouped.Contents?.map((o) => o.Key?.slice(base.length))).toEqual(["a.txt", "b.txt", "d.txt"]);
    expect(grouped.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${base}c/`]);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: base, MaxKeys: 2, ContinuationToken: token }),
      );
      seen.push(...(page.Contents ?? []).map((o) => o.Key?.slice(base.length) ?? ""));
      expect(page.KeyCount).toBeLessThanOrEqual(2);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      pages += 1;
    } while (token);
    expect(seen).toEqual(["a.txt", "b.txt", "c/1.txt", "c/2.txt", "d.txt"]);
    expect(pages).toBe(3);
  });

  it("completes and aborts multipart uploads", async () => {
    const s = client(alice);
    const key = `private/${alice.identityId}/big.bin`;
    const { UploadId } = await s.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const first = Buffer.alloc(5 * 1024 * 1024, 1);
    const second = Buffer.from("tail");
    const p1 = await s.send(
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 1, Body: first }),
    );
    const p2 = await s.send(
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 2, Body: second }),
    );
    const done = await s.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag },
            { PartNumber: 2, ETag: p2.ETag },
          ],
        },
      }),
    );
    expect(done.ETag).toMatch(/-2"$/);
    const head = await s.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ContentLength).toBe(first.length + second.length);

    const other = await s.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: `${key}.2` }));
    const abort = () =>
      s.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: `${key}.2`, UploadId: other.UploadId }));
    // The deployed policy grants s3:AbortMultipartUpload under the caller's own prefix only.
    const foreignAbort = await errorOf(
      client(bob).send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: `${key}.2`, UploadId: other.UploadId }),
      ),
    );
    expect(foreignAbort.name).toBe("AccessDenied");
    await abort();
    const gone = await errorOf(
      s.send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: `${key}.2`,
          UploadId: other.UploadId,
          PartNumber: 1,
          Body: "x",
        }),
      ),
    );
    expect(gone.name).toBe("NoSuchUpload");
    const foreign = await errorOf(
      client(bob).send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: `${key}.3` })),
    );
    expect(foreign.name).toBe("AccessDenied");
  });

  it("refuses a tampered signature with SignatureDoesNotMatch", async () => {
    // One character changed (never to itself: the key is random base64).
    const last = alice.secretAccessKey.endsWith("x") ? "y" : "x";
    const s = client(alice, { secretAccessKey: `${alice.secretAccessKey.slice(0, -1)}${last}` });
    const e = await errorOf(
      s.send(new GetObjectCommand({ Bucket: bucket, Key: `private/${alice.identityId}/a` })),
    );
    expect(e.name).toBe("SignatureDoesNotMatch");
    const unknown = client({ ...alice, accessKeyId: "ASIAAAAAAAAAAAAAAAAA" });
    expect(
      (await errorOf(unknown.send(new GetObjectCommand({ Bucket: bucket, Key: "public/readme.txt" })))).name,
    ).toBe("InvalidAccessKeyId");
  });

  it("refuses credentials after their hour with ExpiredToken", async () => {
    const c = await credentials("alice");
    const hour = 3600_000;
    t.clock.advance(hour + 1000);
    try {
      const s = client(c, { systemClockOffset: hour + 1000 });
      const e = await errorOf(s.send(new GetObjectCommand({ Bucket: bucket, Key: "public/readme.txt" })));
      expect(e.name).toBe("ExpiredToken");
    } finally {
      t.clock.advance(-(hour + 1000));
    }
  });

  it("serves a presigned GET URL until it expires", async () => {
    const s = client(alice);
    const key = `private/${alice.identityId}/shared.txt`;
    await s.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "presigned" }));
    // Signed at the emulator's (injected) time, so the expiry below does not depend on how long the suite took.
    const url = await getSignedUrl(s, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: 60,
      signingDate: t.clock.now(),
    });
    expect(url).toContain("X-Amz-Security-Token=");
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("presigned");
    t.clock.advance(61_000);
    try {
      const late = await fetch(url);
      expect(late.status).toBe(403);
      expect(await late.text()).toContain("<Code>AccessDenied</Code>");
    } finally {
      t.clock.advance(-61_000);
    }
    const tampered = await fetch(url.replace("shared.txt", "other.txt"));
    expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("answers CORS preflights from the bucket's CORS configuration", async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/_s3/${bucket}/private/x`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "PUT",
          "access-control-request-headers": "content-type",
        },
      });
    const ok = await preflight("http://localhost:3000");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(ok.headers.get("access-control-expose-headers")).toContain("ETag");
    const refused = await preflight("http://evil.example");
    expect(refused.status).toBe(403);
  });

  it("refuses unsigned requests and unknown buckets", async () => {
    const anon = await fetch(`${t.url}/_s3/${bucket}/public/readme.txt`);
    expect(anon.status).toBe(403);
    const garbled = await fetch(`${t.url}/_s3/${bucket}/%E0%A4%A`);
    expect(garbled.status).toBe(400);
    expect(await garbled.text()).toContain("<Code>InvalidArgument</Code>");
    const e = await errorOf(client(alice).send(new GetObjectCommand({ Bucket: "no-such-bucket", Key: "k" })));
    expect(e.name).toBe("NoSuchBucket");
  });
});
