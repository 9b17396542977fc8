import { randomInt } from "node:crypto";
import { browserStorage, expect, test } from "../../fixtures";
import { messagesTo, nextCode } from "../../fixtures/outbox";
import { AccountPages } from "../../pages/account-pages";

test("a user verifies a phone number, turns on text-message codes and signs in with one", async ({
  page,
  user,
  signIn,
  hostedUi,
  dashboard,
}) => {
  const account = new AccountPages(page);
  const phone = `+1555${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  await signIn(page, user);

  await account.openSecurity();
  await expect(page.getByText("Text-message codes need a verified phone number.")).toBeVisible();

  await account.openContact();
  await account.changePhone(phone);
  await expect(account.status).toHaveText("We sent a code to your new phone number by text message.");
  await expect(page.getByTestId("contact-phone")).toHaveText(phone);
  await account.verifyPhone(await nextCode(phone, 0));
  await expect(account.status).toHaveText("Your phone number is verified.");

  await account.openSecurity();
  await page.getByRole("button", { name: `Send codes to ${phone}` }).click();
  await expect(account.status).toHaveText("Text-message codes are on.");
  await expect(page.getByTestId("mfa-sms")).toHaveText("on");
  await expect(page.getByTestId("mfa-preferred")).toHaveText("text message");

  await dashboard.open();
  await dashboard.signOut();
  const seen = (await messagesTo(phone)).length;
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(user.username, user.password);
  await hostedUi.enterMfaCode("sms", await nextCode(phone, seen));
  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(user.email);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
