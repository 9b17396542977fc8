import { expect, type Page } from "@playwright/test";

/** The pool's hosted UI (the emulator's locally, Cognito's managed login on a stage). */
export class HostedUiPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string) {
    // The site's own sign-in page has the same heading but no password field.
    const passwordField = this.page.getByLabel("Password", { exact: true });
    await expect(passwordField).toBeVisible();
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await this.page
      .getByLabel(/username|email/i)
      .first()
      .fill(username);
    await passwordField.fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signUp(fields: { username: string; email: string; name: string; password: string }) {
    await this.page.getByRole("link", { name: /sign up/i }).click();
    await expect(this.page.getByRole("heading", { name: "Sign up" })).toBeVisible();
    await this.page.getByLabel("Username", { exact: true }).fill(fields.username);
    await this.page.getByLabel("Email", { exact: true }).fill(fields.email);
    await this.page.getByLabel("Name", { exact: true }).fill(fields.name);
    await this.page.getByLabel("Password", { exact: true }).fill(fields.password);
    await this.page.getByRole("button", { name: "Sign up" }).click();
  }

  async confirm(code: string) {
    await expect(this.page.getByRole("heading", { name: "Confirm your account" })).toBeVisible();
    await this.page.getByLabel("Confirmation code").fill(code);
    await this.page.getByRole("button", { name: "Confirm account" }).click();
  }

  async requestPasswordReset(username: string) {
    await this.page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(this.page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await this.page
      .getByLabel(/username|email/i)
      .first()
      .fill(username);
    await this.page.getByRole("button").first().click();
  }

  async resetPassword(code: string, password: string) {
    await expect(this.page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await this.page.getByLabel("Code", { exact: true }).fill(code);
    await this.page.getByLabel("New password", { exact: true }).fill(password);
    await this.page.getByLabel("Confirm new password").fill(password);
    await this.page.getByRole("button").first().click();
  }
}
