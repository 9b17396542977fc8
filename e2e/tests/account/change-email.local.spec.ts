import { browserStorage, expect, test } from "../../fixtures";
import { nextCode } from "../../fixtures/outbox";
import { AccountPages } from "../../pages/account-pages";

test("a user changes their email with the code sent to the new address", async ({ page, user, signIn }) => {
  const account = new AccountPages(page);
  const newEmail = user.email.replace("@", "-new@");
  await signIn(page, user);

  await account.openContact();
  await account.changeEmail(newEmail);
  await expect(account.status).toContainText("We sent a code to");
  // The old address stays until the new one is verified.
  await expect(page.getByTestId("contact-email")).toHaveText(user.email);

  const code = await nextCode(newEmail, 0);
  await account.confirmEmail(String((Number(code) + 1) % 1_000_000).padStart(6, "0"));
  await expect(account.alert).toHaveText("That code is not correct. Check it and try again.");
  await account.confirmEmail(code);
  await expect(account.status).toHaveText("Your email address is changed.");
  await expect(page.getByTestId("contact-email")).toHaveText(newEmail);
  await expect(page.getByTestId("signed-in-as")).toHaveText(newEmail);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
