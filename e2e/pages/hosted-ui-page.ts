import { expect, type Page } from "@playwright/test";

/** The pool's hosted UI (the emulator's locally, Cognito's managed login on a stage). */
export class HostedUiPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string) {
    await this.page.waitForURL(/\/login\?/);
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await this.page
      .getByLabel(/username|email/i)
      .first()
      .fill(username);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async openSignUp() {
    await this.page.getByRole("link", { name: /sign up/i }).click();
  }

  async signUp(fields: { username: string; email: string; password: string }) {
    await this.page.getByLabel(/^username$/i).fill(fields.username);
    await this.page.getByLabel(/^email$/i).fill(fields.email);
    await this.page.getByLabel("Password", { exact: true }).fill(fields.password);
    await this.page.getByRole("button", { name: /sign up/i }).click();
  }

  async confirm(code: string) {
    await this.page.getByLabel(/code/i).fill(code);
    await this.page.getByRole("button", { name: /confirm/i }).click();
  }
}
