import { expect, test } from "../../fixtures";
import { FilesPage } from "../../pages/files-page";

// The local stage's identity pool allows guests (`guestAccess: true`); prod does not.
test("a visitor who is not signed in lists the public files with guest credentials", async ({ page }) => {
  const files = new FilesPage(page);
  await files.open();
  await expect(files.publicFiles.getByText("No public files yet.")).toBeVisible();
  await expect(files.ownFiles).toHaveCount(0);
  await expect(files.alert).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});
