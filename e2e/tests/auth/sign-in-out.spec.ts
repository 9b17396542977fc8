import { browserStorage, expect, test } from "../../fixtures";

test("a user signs in through the hosted UI, sees the dashboard, and signs out", async ({
  page,
  user,
  signIn,
  dashboard,
}) => {
  await signIn(page, user);
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.email).toHaveText(user.email);
  await expect(dashboard.groups).toHaveText("users");
  await expect(page.getByTestId("signed-in-as")).toHaveText(user.email);

  // No token ever reaches the browser: only the httpOnly session cookie exists.
  const storage = await browserStorage(page);
  expect(storage).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await dashboard.signOut();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await dashboard.open();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
});

test("a wrong password is refused on the hosted UI", async ({ page, user, hostedUi }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(user.username, "Wrong-Passw0rd!");
  await expect(page.getByRole("alert")).toContainText("Incorrect username or password.");
});

test("the dashboard sends an anonymous visitor to sign in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
