import { LOCAL_IDP_ACCOUNTS, LOCAL_IDP_TITLES } from "@repo/emulator/local-idp-accounts";
import { browserStorage, expect, test } from "../../fixtures";
import { federatedUser } from "../../fixtures/users";
import { LocalIdpPage } from "../../pages/local-idp-page";

// Local only: the providers are the emulator's local stand-ins for Google and the enterprise IdP.
// Each journey uses its own provider account, and removes the pool user it creates before and after,
// so that it is that account's first sign-in.
const [, googleAccount] = LOCAL_IDP_ACCOUNTS.google;
const [, oidcAccount] = LOCAL_IDP_ACCOUNTS.oidc;

interface Identity {
  providerName: string;
  providerType: string;
  userId: string;
}

test("the hosted UI's enterprise OIDC button signs in through the local provider, back on the site", async ({
  page,
  hostedUi,
  dashboard,
}) => {
  const pooled = await federatedUser(`LocalOIDC_${oidcAccount.sub}`);
  await pooled.remove();
  try {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await hostedUi.continueWith("LocalOIDC");
    await new LocalIdpPage(page).signIn(LOCAL_IDP_TITLES.oidc, oidcAccount.email, oidcAccount.password);

    await page.waitForURL("**/dashboard");
    await expect(dashboard.email).toHaveText(oidcAccount.email);
    // The pool user is `<Provider>_<sub>`, made by the provider, with its identity.
    const user = await pooled.get();
    expect(user.UserStatus).toBe("EXTERNAL_PROVIDER");
    const attributes = new Map(user.UserAttributes?.map((a) => [a.Name, a.Value]));
    expect(attributes.get("email")).toBe(oidcAccount.email);
    expect(JSON.parse(attributes.get("identities") ?? "[]") as Identity[]).toEqual([
      expect.objectContaining({ providerName: "LocalOIDC", providerType: "OIDC", userId: oidcAccount.sub }),
    ]);
    await expect(page.getByTestId("me-sub")).toHaveText(attributes.get("sub") ?? "");
    expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  } finally {
    await pooled.remove();
    pooled.dispose();
  }
});

test("the site's 'Continue with Google' signs in through the local Google stand-in", async ({
  page,
  dashboard,
}) => {
  const pooled = await federatedUser(`Google_${googleAccount.sub}`);
  await pooled.remove();
  try {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with Google" }).click();
    // identity_provider=Google: straight to the provider, past the hosted UI's own form.
    await new LocalIdpPage(page).signIn(LOCAL_IDP_TITLES.google, googleAccount.email, googleAccount.password);

    await page.waitForURL("**/dashboard");
    await expect(dashboard.email).toHaveText(googleAccount.email);
    const user = await pooled.get();
    const attributes = new Map(user.UserAttributes?.map((a) => [a.Name, a.Value]));
    expect(JSON.parse(attributes.get("identities") ?? "[]") as Identity[]).toEqual([
      expect.objectContaining({ providerName: "Google", providerType: "Google", userId: googleAccount.sub }),
    ]);
    expect(await browserStorage(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  } finally {
    await pooled.remove();
    pooled.dispose();
  }
});

test("the SAML button has no local provider: the site says sign-in did not complete", async ({
  page,
  hostedUi,
}) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await hostedUi.continueWith("LocalSAML");
  await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.has("error"));
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in did not complete." })).toBeVisible();
});
