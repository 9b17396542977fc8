import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

/** The Files page: own files (upload, download, delete) and public files. */
export class FilesPage {
  readonly heading: Locator;
  readonly folder: Locator;
  readonly ownFiles: Locator;
  readonly publicFiles: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Files", exact: true });
    this.folder = page.getByTestId("files-folder");
    this.ownFiles = page.getByRole("region", { name: "Your files" });
    this.publicFiles = page.getByRole("region", { name: "Public files" });
    this.status = page.getByRole("status");
    this.alert = page.getByRole("main").getByRole("alert");
    this.progress = page.getByRole("progressbar");
  }

  async open() {
    await this.page.goto("/files");
    await expect(this.heading).toBeVisible();
  }

  /** The signed-in user's folder in the bucket: `private/<identity ID>/`. */
  async folderPath(): Promise<string> {
    await expect(this.folder).toHaveText(/^private\/[a-z0-9-]+:[0-9a-f-]+\/$/);
    return (await this.folder.textContent()) ?? "";
  }

  async upload(name: string, content: Buffer, mimeType = "text/plain") {
    await this.page.getByLabel("Choose a file").setInputFiles({ name, mimeType, buffer: content });
    await this.page.getByRole("button", { name: "Upload", exact: true }).click();
  }

  file(name: string): Locator {
    return this.ownFiles.getByRole("listitem").filter({ hasText: name });
  }

  /** Downloads a file through its presigned link; resolves with the saved name and bytes. */
  async download(name: string): Promise<{ filename: string; content: Buffer }> {
    const downloaded = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: `Download ${name}` }).click();
    const download = await downloaded;
    return { filename: download.suggestedFilename(), content: await readFile(await download.path()) };
  }

  async delete(name: string) {
    await this.page.getByRole("button", { name: `Delete ${name}` }).click();
  }
}
