import { expect, type Page } from "@playwright/test";

/** The sign-in page of one of the emulator's local OpenID providers (`/_idp/google`, `/_idp/oidc`). */
export class LocalIdpPage {
  constructor(private readonly page: Page) {}

  async signIn(title: string, email: string, password: string) {
    await expect(this.page.getByRole("heading", { name: title })).toBeVisible();
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}
