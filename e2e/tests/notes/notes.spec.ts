import { expect, test } from "../../fixtures";
import { seedUser } from "../../fixtures/users";
import { DashboardPage } from "../../pages/site-pages";

test("notes are created, listed and deleted through the API, and stay private", async ({
  page,
  browser,
  user,
  signIn,
  dashboard,
}) => {
  await signIn(page, user);
  await dashboard.addNote("Groceries", "milk, eggs");
  await expect(dashboard.notes.getByText("Groceries")).toBeVisible();
  await dashboard.addNote("Call Ada");
  await expect(dashboard.notes.getByRole("listitem")).toHaveCount(2);

  // Another user, in another browser, sees none of them.
  const other = await seedUser();
  const context = await browser.newContext();
  const otherPage = await context.newPage();
  await signIn(otherPage, other);
  await expect(new DashboardPage(otherPage).notes.getByRole("listitem")).toHaveCount(0);
  await context.close();
  await other.remove();

  await dashboard.deleteNote("Groceries");
  await expect(dashboard.notes.getByText("Groceries")).toHaveCount(0);
  await expect(dashboard.notes.getByRole("listitem")).toHaveCount(1);
});

test("an empty title is refused with a message", async ({ page, user, signIn }) => {
  await signIn(page, user);
  await page.getByRole("textbox", { name: "Title" }).fill("   ");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Give the note a title");
});
