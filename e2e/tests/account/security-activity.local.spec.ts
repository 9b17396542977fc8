import { browserStorage, expect, test } from "../../fixtures";
import { HostedUiPage } from "../../pages/hosted-ui-page";
import { SecurityActivityPage } from "../../pages/security-activity-page";

/**
 * Local only: the emulator takes the client's IP from `X-Forwarded-For`, and the local stage's
 * threat protection (ENFORCED through the user pool's `user_pool_add_ons`, which the emulator must
 * load from the synthesized stack) always blocks TEST-NET-1 (192.0.2.0/24, RFC 5737).
 */
const ATTACKER_IP = "192.0.2.66";

test('a blocked sign-in shows in Security activity, and "This wasn\'t me" ends every session and requires a new password', async ({
  page,
  browser,
  user,
  signIn,
  hostedUi,
}) => {
  // The user is signed in in two browsers (A = page, C = another one).
  await signIn(page, user);
  const contextC = await browser.newContext();
  const pageC = await contextC.newPage();
  await signIn(pageC, user);

  // An attacker who knows the password tries it from a blocked network, through the hosted UI.
  const attacker = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ATTACKER_IP } });
  const attackerPage = await attacker.newPage();
  await attackerPage.goto("/signin");
  await attackerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await new HostedUiPage(attackerPage).signIn(user.username, user.password);
  await expect(attackerPage.getByRole("alert")).toContainText("Unable to login because of security reasons.");
  await expect(attackerPage).not.toHaveURL(/\/dashboard/);
  await attacker.close();

  // The user sees the blocked attempt.
  const security = new SecurityActivityPage(page);
  await security.open();
  await expect(security.heading).toBeVisible();
  const attempt = security.eventsFrom(ATTACKER_IP);
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toContainText("Failed");
  await expect(attempt).toContainText("Blocked");
  // The user's own sign-ins are there too, as successful ones.
  await expect(security.events.getByRole("row").filter({ hasText: "Signed in" }).first()).toBeVisible();

  await attempt.getByRole("button", { name: "This wasn't me" }).click();
  await expect(page.getByRole("heading", { name: "We have secured your account" })).toBeVisible();
  await expect(page.getByText("Your account is signed out everywhere")).toBeVisible();
  await expect(page.getByText("Your password must be reset")).toBeVisible();

  // Both browsers lost their sessions.
  for (const p of [page, pageC]) {
    await p.goto("/dashboard");
    await expect(p).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  }

  // C's hosted-UI session outlives Cognito's global sign-out, but a sign-in from before the
  // report is not accepted: the password is asked again, and the old one is refused.
  await pageC.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(pageC).toHaveURL(/\/signin\?reason=reauthenticate/);
  await expect(pageC.getByRole("main").getByRole("alert")).toContainText("sign in again with your password");
  await pageC.getByRole("button", { name: "Sign in", exact: true }).click();
  await new HostedUiPage(pageC).signIn(user.username, user.password);
  await expect(pageC.getByRole("alert")).toContainText("Password reset required for the user");
  await contextC.close();

  // The explanation page leads to the hosted UI's form, where the old password is refused too.
  await page.goto("/account/security-activity/secured");
  await page.getByRole("button", { name: "Reset your password" }).click();
  await hostedUi.signIn(user.username, user.password);
  await expect(page.getByRole("alert")).toContainText("Password reset required for the user");
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();

  // No token reached the browser at any point of the journey.
  await page.goto("/");
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
