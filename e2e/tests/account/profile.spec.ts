import { browserStorage, expect, test } from "../../fixtures";
import { AccountPages } from "../../pages/account-pages";

test("a user edits their name and job title", async ({ page, user, signIn }) => {
  const account = new AccountPages(page);
  await signIn(page, user);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your profile", exact: true })).toBeVisible();
  await expect(page.getByTestId("profile-email")).toContainText(user.email);
  await expect(page.getByTestId("profile-plan")).toHaveText("—");

  await account.editProfile({ name: "Ada Lovelace", jobTitle: "Analytical engineer" });
  await expect(account.status).toHaveText("Your profile is saved.");
  await account.openProfile();
  await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Job title")).toHaveValue("Analytical engineer");

  await account.editProfile({ jobTitle: "" });
  await expect(account.status).toHaveText("Your profile is saved.");
  await account.openProfile();
  await expect(page.getByLabel("Job title")).toHaveValue("");
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
