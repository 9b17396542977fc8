import { browserStorage, expect, test } from "../../fixtures";
import { totpCode } from "../../fixtures/totp";
import { AccountPages } from "../../pages/account-pages";

test("a user turns on an authenticator app and signs in with its code", async ({
  page,
  user,
  signIn,
  hostedUi,
  dashboard,
}) => {
  const account = new AccountPages(page);
  await signIn(page, user);
  await account.openSecurity();
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await expect(page.getByTestId("mfa-totp")).toHaveText("off");

  const secret = await account.startTotpSetup();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
  await account.verifyTotp(wrong);
  await expect(account.alert).toContainText("That code is not correct.");
  const enrolledAt = Math.floor(Date.now() / 1000);
  await account.verifyTotp(totpCode(secret));
  await expect(account.status).toHaveText("Your authenticator app is on. Sign-ins now ask for its code.");
  await expect(page.getByTestId("mfa-totp")).toHaveText("on");
  await expect(page.getByTestId("mfa-preferred")).toHaveText("authenticator app");
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);

  await dashboard.open();
  await dashboard.signOut();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(user.username, user.password);
  await hostedUi.enterMfaCode("totp", totpCode(secret, enrolledAt));
  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(user.email);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
