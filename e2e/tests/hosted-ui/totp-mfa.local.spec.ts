import { generateSync } from "otplib";
import { test as base, browserStorage, expect } from "../../fixtures";
import { jwtClaims, type MfaRequiredPool, mfaRequiredPool } from "../../fixtures/mfa-required-pool";
import { HostedUiPage } from "../../pages/hosted-ui-page";

/** Authenticator codes change every 30 s (RFC 6238's default step, Cognito's). */
const TOTP_STEP_SECONDS = 30;

// Local only: the journey needs a pool with MFA required, which it creates through the admin API
// (the stack's pool has MFA optional, where Cognito never asks for a setup during sign-in).
const test = base.extend<{ mfaPool: MfaRequiredPool }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured first argument.
  mfaPool: async ({}, use) => {
    const pool = await mfaRequiredPool();
    await use(pool);
    await pool.remove();
  },
});

test("a user sets up an authenticator app during sign-in (QR code and key), then signs in with its code", async ({
  page,
  hostedUi,
  browser,
  mfaPool,
}) => {
  const first = mfaPool.authorizeUrl();
  await page.goto(first.url);
  await hostedUi.signIn(mfaPool.user.email, mfaPool.user.password);

  // MFA_SETUP: the QR code and the secret as text; the app's current code completes the sign-in.
  const secret = await hostedUi.totpSecret();
  await page
    .getByLabel("Authenticator code")
    .fill("000000" === generateSync({ secret }) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await hostedUi.completeTotpSetup(generateSync({ secret }));
  await page.waitForURL((url) => url.href.startsWith(mfaPool.callback) && url.searchParams.has("code"));
  expect(new URL(page.url()).searchParams.get("state")).toBe(first.state);
  const tokens = await mfaPool.exchange(page.url(), first.verifier);
  expect(jwtClaims(tokens.id_token)).toMatchObject({ email: mfaPool.user.email, token_use: "id" });
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);

  // A second sign-in in a fresh browser asks for the authenticator code. The step just used is
  // spent (Cognito refuses a reused code), so the app's next code is entered.
  const context = await browser.newContext();
  const second = await context.newPage();
  const again = mfaPool.authorizeUrl();
  await second.goto(again.url);
  const secondUi = new HostedUiPage(second);
  await secondUi.signIn(mfaPool.user.email, mfaPool.user.password);
  const nextStep = Math.floor(Date.now() / 1000) + TOTP_STEP_SECONDS;
  await secondUi.enterMfaCode("totp", generateSync({ secret, epoch: nextStep }));
  await second.waitForURL((url) => url.href.startsWith(mfaPool.callback) && url.searchParams.has("code"));
  const tokensAgain = await mfaPool.exchange(second.url(), again.verifier);
  expect(jwtClaims(tokensAgain.id_token).sub).toBe(jwtClaims(tokens.id_token).sub);
  expect(await browserStorage(second)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  await context.close();
});
