import { expect, test } from "../../fixtures";
import { latestCode } from "../../fixtures/outbox";

test("a user resets a forgotten password with the emailed code and signs in with the new one", async ({
  page,
  user,
  hostedUi,
  dashboard,
}) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/login\?/);
  await hostedUi.requestPasswordReset(user.username);
  const code = await latestCode(user.email);
  const newPassword = `${user.password}X1`;
  await hostedUi.resetPassword(code, newPassword);

  await hostedUi.signIn(user.username, user.password);
  await expect(page.getByRole("alert")).toContainText("Incorrect username or password.");
  await hostedUi.signIn(user.username, newPassword);
  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(user.email);
});
