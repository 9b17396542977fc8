import { randomUUID } from "node:crypto";
import { expect, test } from "../../fixtures";
import { latestCode, messagesTo } from "../../fixtures/outbox";

test("a visitor signs up, confirms with the emailed code and lands signed in as a user", async ({
  page,
  hostedUi,
  dashboard,
}) => {
  const id = randomUUID().slice(0, 8);
  const person = {
    username: `new-${id}`,
    email: `new-${id}@example.com`,
    name: "Grace New",
    password: `Sign-Up-${id}!9`,
  };
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/login\?/);
  await hostedUi.signUp(person);

  // The custom-message trigger (the apps/api bundle) branded the email; the code is in the outbox.
  const code = await latestCode(person.email);
  const [message] = await messagesTo(person.email);
  expect(message?.subject).toMatch(/^Confirm your .* account$/);
  await hostedUi.confirm(code);

  await hostedUi.signIn(person.username, person.password);
  await page.waitForURL("**/dashboard");
  await expect(dashboard.email).toHaveText(person.email);
  // The post-confirmation trigger put the user in `users` (and wrote the profile read by GET /me).
  await expect(dashboard.groups).toHaveText("users");
});

test("a disposable email domain is refused at sign-up by the pre-sign-up trigger", async ({
  page,
  hostedUi,
}) => {
  const id = randomUUID().slice(0, 8);
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/login\?/);
  await hostedUi.signUp({
    username: `temp-${id}`,
    email: `temp-${id}@mailinator.com`,
    name: "Temp",
    password: `Sign-Up-${id}!9`,
  });
  await expect(page.getByRole("alert")).toContainText(
    "Email addresses at mailinator.com cannot be used to sign up",
  );
});
