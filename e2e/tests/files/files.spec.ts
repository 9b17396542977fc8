import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { browserStorage, expect, test } from "../../fixtures";
import { s3ClientOf } from "../../fixtures/identity";
import { stackOutputs } from "../../fixtures/outputs";
import { seedUser } from "../../fixtures/users";
import { FilesPage } from "../../pages/files-page";

/** What must never be readable by a page script: JWTs, AWS access keys, credential fields. */
const SECRET_SHAPES = [
  /eyJ[\w-]+\.[\w-]+\./,
  /\bASIA[A-Z0-9]{12,}/,
  /secretAccessKey|sessionToken|SecretKey/i,
];

test("a user uploads, downloads and deletes a private file that no other user can read", async ({
  page,
  browser,
  user,
  signIn,
}) => {
  await signIn(page, user);
  await page.getByRole("link", { name: "Files" }).click();
  const files = new FilesPage(page);
  await expect(files.heading).toBeVisible();
  const folder = await files.folderPath();
  await expect(files.ownFiles.getByText("No files yet.")).toBeVisible();

  const content = Buffer.from(`hello from ${user.username}\n`);
  await files.upload("hello.txt", content);
  await expect(files.status).toHaveText("Uploaded hello.txt.");
  await expect(files.progress).toHaveAttribute("value", String(content.length));
  await expect(page.getByText("Uploaded hello.txt: 100%")).toBeVisible();
  await expect(files.file("hello.txt")).toBeVisible();

  const downloaded = await files.download("hello.txt");
  expect(downloaded.filename).toBe("hello.txt");
  expect(downloaded.content.equals(content)).toBe(true);

  // Another user sees none of it in the page, and IAM refuses them the object and the folder.
  const other = await seedUser();
  const context = await browser.newContext();
  const otherPage = await context.newPage();
  await signIn(otherPage, other);
  const otherFiles = new FilesPage(otherPage);
  await otherFiles.open();
  expect(await otherFiles.folderPath()).not.toBe(folder);
  await expect(otherFiles.ownFiles.getByText("No files yet.")).toBeVisible();
  await context.close();

  const intruder = await s3ClientOf(other);
  const key = `${folder}hello.txt`;
  await expect(
    intruder.s3.send(new GetObjectCommand({ Bucket: intruder.bucket, Key: key })),
  ).rejects.toMatchObject({
    name: "AccessDenied",
  });
  await expect(
    intruder.s3.send(new ListObjectsV2Command({ Bucket: intruder.bucket, Prefix: folder })),
  ).rejects.toMatchObject({ name: "AccessDenied" });
  await expect(
    intruder.s3.send(new PutObjectCommand({ Bucket: intruder.bucket, Key: key, Body: "overwritten" })),
  ).rejects.toMatchObject({ name: "AccessDenied" });
  // The same credentials do work on the other user's own folder: the refusal above is IAM's.
  const own = `private/${intruder.identityId}/mine.txt`;
  await intruder.s3.send(new PutObjectCommand({ Bucket: intruder.bucket, Key: own, Body: "mine" }));
  await intruder.s3.send(new DeleteObjectCommand({ Bucket: intruder.bucket, Key: own }));
  intruder.s3.destroy();
  await other.remove();

  await files.delete("hello.txt");
  await expect(files.status).toHaveText("Deleted hello.txt.");
  await expect(files.ownFiles.getByText("No files yet.")).toBeVisible();

  const storage = await browserStorage(page);
  for (const shape of SECRET_SHAPES) expect(storage).not.toMatch(shape);
});

test("a large file goes up in parts, with progress to 100%", async ({ page, user, signIn }) => {
  await signIn(page, user);
  const files = new FilesPage(page);
  await files.open();
  // Above the 8 MiB multipart threshold: two parts (8 MiB + 1 MiB), each a presigned PUT.
  const content = Buffer.alloc(9 * 1024 * 1024, 7);
  await files.upload("big.bin", content, "application/octet-stream");
  await expect(files.status).toHaveText("Uploaded big.bin.");
  await expect(files.progress).toHaveAttribute("value", String(content.length));
  await expect(files.file("big.bin")).toContainText("9.0 MB");
  await files.delete("big.bin");
  await expect(files.ownFiles.getByText("No files yet.")).toBeVisible();
});

test("an upload while the bucket cannot be reached ends with a kind message", async ({
  page,
  user,
  signIn,
}) => {
  await signIn(page, user);
  const files = new FilesPage(page);
  await files.open();
  await expect(files.ownFiles.getByText("No files yet.")).toBeVisible();
  const { files_bucket: bucket } = await stackOutputs();
  await page.route(
    (url) => bucket !== undefined && url.href.includes(bucket),
    (route) => route.abort("internetdisconnected"),
  );
  await files.upload("offline.txt", Buffer.from("never arrives"));
  await expect(files.alert).toHaveText(
    "The file service cannot be reached. Check your connection and try again.",
  );
  await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeEnabled();
});

test("the page renews its credentials through the server before they expire", async ({
  page,
  user,
  signIn,
}) => {
  await page.clock.install();
  await signIn(page, user);
  const files = new FilesPage(page);
  await files.open();
  await expect(files.ownFiles.getByText("No files yet.")).toBeVisible();
  // Identity-pool credentials last an hour; the page renews them five minutes before.
  const renewal = page.waitForResponse(
    (res) => res.request().method() === "POST" && res.request().headers()["next-action"] !== undefined,
  );
  await page.clock.fastForward("56:00");
  expect((await renewal).status()).toBe(200);
  const storage = await browserStorage(page);
  for (const shape of SECRET_SHAPES) expect(storage).not.toMatch(shape);
});
