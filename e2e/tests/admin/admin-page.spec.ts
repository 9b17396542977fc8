import { expect, test } from "../../fixtures";

test("the admin page tells a normal user kindly that it is for admins (API 403)", async ({
  page,
  user,
  signIn,
}) => {
  await signIn(page, user);
  await page.goto("/admin");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This page is for administrators");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("an admin sees the pool's users", async ({ page, admin, signIn }) => {
  await signIn(page, admin);
  await page.goto("/admin");
  const table = page.getByRole("table", { name: "Users" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("cell", { name: admin.username, exact: true })).toBeVisible();
});
