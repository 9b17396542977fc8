import { expect, test } from "../../fixtures";

const protectedRoutes = [
  ["GET", "/me"],
  ["GET", "/dashboard"],
  ["GET", "/notes"],
  ["POST", "/notes"],
  ["GET", "/notes/5f0c1c64-3b1a-4d43-9a8e-3f7c2a9b1e01"],
  ["DELETE", "/notes/5f0c1c64-3b1a-4d43-9a8e-3f7c2a9b1e01"],
  ["GET", "/admin/users"],
  ["GET", "/service/health"],
] as const;

for (const [method, path] of protectedRoutes) {
  test(`${method} ${path} without a token is refused by the JWT authorizer with 401`, async ({
    request,
    apiUrl,
  }) => {
    const res = await request.fetch(`${apiUrl}${path}`, { method });
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });
}

test("a token that is not a JWT is refused with 401", async ({ request, apiUrl }) => {
  const res = await request.get(`${apiUrl}/me`, { headers: { authorization: "Bearer not-a-token" } });
  expect(res.status()).toBe(401);
  expect(res.headers()["www-authenticate"]).toContain('error="invalid_token"');
});
