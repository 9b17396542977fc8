import { browserStorage, expect, test } from "../../fixtures";

test("a wrong password keeps the user on the hosted UI with an alert; the right one then signs in", async ({
  page,
  hostedUi,
  dashboard,
  user,
}) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(user.username, "Wrong-Passw0rd!");
  await expect(page.getByRole("alert")).toContainText("Incorrect username or password.");
  // Still on the hosted UI: nothing went back to the site.
  expect(new URL(page.url()).pathname).toMatch(/\/login$/);

  await hostedUi.signIn(user.username, user.password);
  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(user.email);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
