import { browserStorage, expect, test } from "../../fixtures";
import { storedAccount, updateStoredAccount, withAuthTime } from "../../fixtures/stored-session";
import { totpCode } from "../../fixtures/totp";
import { AccountPages } from "../../pages/account-pages";

test("an older session signs in again (prompt=login) before changing MFA settings", async ({
  page,
  user,
  signIn,
  hostedUi,
}) => {
  const account = new AccountPages(page);
  await signIn(page, user);

  // This session's sign-in was ten minutes ago.
  const stored = await storedAccount(user.email);
  await updateStoredAccount(stored, {
    id_token: withAuthTime(stored.id_token, Math.floor(Date.now() / 1000) - 600),
  });

  await account.openSecurity();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%2Fsecurity/);
  await expect(page.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in again" }).click();

  // The hosted UI asks for the password although its own session is still alive.
  await hostedUi.signIn(user.username, user.password);
  await page.waitForURL("**/account/security");
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();

  const secret = await account.startTotpSetup();
  await account.verifyTotp(totpCode(secret));
  await expect(page.getByTestId("mfa-totp")).toHaveText("on");
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});

test("an MFA change posted by an older session is sent to sign in again", async ({ page, user, signIn }) => {
  const account = new AccountPages(page);
  await signIn(page, user);
  await account.openSecurity();
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();

  // The page was opened while the sign-in was recent; by the time the form is sent it is not.
  const stored = await storedAccount(user.email);
  await updateStoredAccount(stored, {
    id_token: withAuthTime(stored.id_token, Math.floor(Date.now() / 1000) - 600),
  });
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%2Fsecurity/);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
