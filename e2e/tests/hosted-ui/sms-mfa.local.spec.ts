import { test as base, browserStorage, expect } from "../../fixtures";
import { latestCode } from "../../fixtures/outbox";
import { seedUser, type TestUser } from "../../fixtures/users";

// Local only: the SMS code is read from the emulator's outbox.
const test = base.extend<{ smsUser: TestUser & { phone: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured first argument.
  smsUser: async ({}, use) => {
    const user = await seedUser({ smsMfa: true });
    if (!user.phone) throw new Error("the SMS MFA user has no phone number");
    await use({ ...user, phone: user.phone });
    await user.remove();
  },
});

test("a user with SMS MFA signs in with the code texted to their phone and lands on the dashboard", async ({
  page,
  hostedUi,
  dashboard,
  smsUser,
}) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.signIn(smsUser.username, smsUser.password);

  const code = await latestCode(smsUser.phone);
  // A wrong code is announced and the page stays; the texted one signs in.
  await hostedUi.enterMfaCode("sms", code === "000000" ? "111111" : "000000");
  await expect(page.getByRole("alert")).toBeVisible();
  await hostedUi.enterMfaCode("sms", code);

  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(smsUser.email);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
