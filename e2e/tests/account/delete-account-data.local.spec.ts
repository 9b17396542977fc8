import { expect, test } from "../../fixtures";
import { appTableItemsOf, jwtPayload, storedAccount } from "../../fixtures/stored-session";
import { AccountPages } from "../../pages/account-pages";

// Local only: it reads the app table directly to see that nothing of the user is left.
test("deleting the account also erases the user's data in the API", async ({
  page,
  user,
  signIn,
  dashboard,
}) => {
  await signIn(page, user);
  await dashboard.addNote("Diary", "private");
  await expect(dashboard.notes.getByText("Diary")).toBeVisible();
  const sub = String(jwtPayload((await storedAccount(user.email)).id_token).sub);
  // (The seeded user was created by an admin, so no confirmation trigger wrote a profile.)
  expect((await appTableItemsOf(sub)).map((i) => i.sk)).toEqual([expect.stringMatching(/^NOTE#/)]);

  await new AccountPages(page).deleteAccount();
  await expect(page).toHaveURL(/\/$/);
  expect(await appTableItemsOf(sub)).toEqual([]);
});
