import { expect, test } from "../../fixtures";

/** Console messages a blocked script or eval produces in Chromium. */
const violation = /Content Security Policy|Refused to (execute|load|evaluate)/;

test("only scripts carrying the response's fresh nonce run, and the signed-in pages still work", async ({
  page,
  user,
  signIn,
  dashboard,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (violation.test(message.text())) violations.push(message.text());
  });
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

  const first = await page.goto("/");
  const second = await page.goto("/");
  const nonce = nonceOf(first?.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second?.headers()["content-security-policy"])).not.toBe(nonce);
  expect(second?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  // Styles may be inline (React's style attributes); scripts never.
  const scriptSrc = (second?.headers()["content-security-policy"] ?? "")
    .split("; ")
    .find((d) => d.startsWith("script-src"));
  expect(scriptSrc).toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(second?.headers()["content-security-policy"]).toMatch(/^default-src 'self'/);

  // Every script Next.js rendered carries the nonce, and the client side came alive.
  const scripts = await page.evaluate(() => Array.from(document.scripts, (s) => s.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => (n ?? "").length > 0)).toBe(true);

  // A page with client components (sign-in, dashboard forms) still works end to end.
  await signIn(page, user);
  await expect(dashboard.heading).toBeVisible();
  expect(violations).toEqual([]);
});
