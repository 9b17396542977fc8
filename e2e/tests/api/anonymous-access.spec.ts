import { expect, test } from "../../fixtures";

const protectedRoutes = [
  ["GET", "/me"],
  ["GET", "/notes"],
  ["POST", "/notes"],
  ["GET", "/notes/5f0c1c64-3b1a-4d43-9a8e-3f7c2a9b1e01"],
  ["DELETE", "/notes/5f0c1c64-3b1a-4d43-9a8e-3f7c2a9b1e01"],
  ["GET", "/admin/users"],
  ["GET", "/service/health"],
] as const;

for (const [method, path] of protectedRoutes) {
  test(`${method} ${path} without a token is refused with 401 and a Bearer challenge`, async ({
    request,
    apiUrl,
  }) => {
    const res = await request.fetch(`${apiUrl}${path}`, { method });
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toBe('Bearer realm="api"');
    expect(await res.json()).toEqual({ error: "unauthorized", message: "Missing bearer token" });
  });
}

test("a malformed bearer credential is a 400 invalid_request", async ({ request, apiUrl }) => {
  const res = await request.get(`${apiUrl}/me`, { headers: { authorization: "Bearer not a token" } });
  expect(res.status()).toBe(400);
  expect(res.headers()["www-authenticate"]).toContain('error="invalid_request"');
});
