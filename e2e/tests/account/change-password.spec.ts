import { browserStorage, expect, test } from "../../fixtures";
import { AccountPages } from "../../pages/account-pages";

test("a user changes their password and signs in with the new one", async ({
  page,
  user,
  signIn,
  hostedUi,
  dashboard,
}) => {
  const account = new AccountPages(page);
  await signIn(page, user);

  // The pool's policy is explained, not shown as a raw error.
  await account.changePassword(user.password, "short");
  await expect(account.alert).toContainText("Choose a stronger password.");
  await account.changePassword("Not-The-Passw0rd!", `${user.password}X1`);
  await expect(account.alert).toHaveText("Your current password is not correct.");

  const newPassword = `${user.password}X1`;
  await account.changePassword(user.password, newPassword);
  await expect(account.status).toHaveText("Your password is changed. Use the new one next time you sign in.");
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);

  await dashboard.open();
  await dashboard.signOut();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(user.username, user.password);
  await expect(page.getByRole("alert")).toContainText("Incorrect username or password.");
  await hostedUi.signIn(user.username, newPassword);
  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(user.email);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
