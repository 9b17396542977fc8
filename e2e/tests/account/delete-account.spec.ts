import { browserStorage, expect, test } from "../../fixtures";
import { AccountPages } from "../../pages/account-pages";

test("a user deletes their account and can no longer sign in", async ({ page, user, signIn, hostedUi }) => {
  await signIn(page, user);
  await new AccountPages(page).deleteAccount();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);

  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(user.username, user.password);
  await expect(page.getByRole("alert")).toContainText("Incorrect username or password.");
});
