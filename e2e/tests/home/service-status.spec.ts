import { expect, test } from "../../fixtures";

test("the home page shows that the API is up and refusing anonymous requests", async ({ home }) => {
  const response = await home.open();
  expect(response?.status()).toBe(200);
  await expect(home.heading).toHaveText("Acme Notes");
  await expect(home.apiStatus).toHaveText("up");
  await expect(home.apiStatus).toHaveAttribute("data-state", "up");
});

test("every page is sent with the security headers", async ({ home }) => {
  const response = await home.open();
  const headers = response?.headers() ?? {};
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
});
