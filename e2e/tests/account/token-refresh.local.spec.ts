import { browserStorage, expect, test } from "../../fixtures";
import { jwtPayload, storedAccount, updateStoredAccount } from "../../fixtures/stored-session";

test("an expiring access token is refreshed server-side and the dashboard keeps working", async ({
  page,
  user,
  signIn,
  dashboard,
}) => {
  await signIn(page, user);
  const before = await storedAccount(user.email);
  // The local stage issues 5-minute access tokens.
  const claims = jwtPayload(before.access_token);
  expect(Number(claims.exp) - Number(claims.iat)).toBe(300);

  // As if the token were about to expire: the next request must refresh it.
  await updateStoredAccount(before, { expires_at: Math.floor(Date.now() / 1000) + 10 });
  await dashboard.open();
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.email).toHaveText(user.email);

  const after = await storedAccount(user.email);
  expect(after.access_token).not.toBe(before.access_token);
  expect(after.expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000) + 200);
  // A refresh keeps the time of the sign-in.
  expect(jwtPayload(after.id_token).auth_time).toBe(jwtPayload(before.id_token).auth_time);
  expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
});
