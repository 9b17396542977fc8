import { browserStorage, expect, test } from "../../fixtures";
import { AccountPages } from "../../pages/account-pages";
import { DashboardPage } from "../../pages/site-pages";

test("signing out everywhere ends the session of another browser too", async ({
  page,
  browser,
  user,
  signIn,
  dashboard,
}) => {
  await signIn(page, user);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user);
  await expect(new DashboardPage(otherPage).email).toHaveText(user.email);

  await new AccountPages(page).signOutEverywhere();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await dashboard.open();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);

  // The other browser's session is gone as well.
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  for (const p of [page, otherPage]) expect(await browserStorage(p)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  await other.close();
});
