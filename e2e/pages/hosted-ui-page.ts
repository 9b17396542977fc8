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

  /** The identity-provider button of the sign-in page ("Continue with <provider>"). */
  async continueWith(provider: string) {
    await this.page.getByRole("link", { name: `Continue with ${provider}` }).click();
  }

  /** The TOTP setup page (MFA_SETUP): checks the QR code and returns the secret shown as text. */
  async totpSecret(): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "Set up your authenticator app" })).toBeVisible();
    await expect(this.page.getByRole("img", { name: /QR code/ })).toBeVisible();
    const secret = (await this.page.locator("#totp-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    return secret;
  }

  async completeTotpSetup(code: string) {
    await this.page.getByLabel("Authenticator code").fill(code);
    await this.page.getByRole("button", { name: "Verify and sign in" }).click();
  }

  /** The MFA code page of a sign-in: `SMS code` or `Authenticator code`. */
  async enterMfaCode(kind: "sms" | "totp", code: string) {
    const heading = kind === "sms" ? "Enter the SMS code" : "Enter your authenticator code";
    await expect(this.page.getByRole("heading", { name: heading })).toBeVisible();
    await this.page.getByLabel(kind === "sms" ? "SMS code" : "Authenticator code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }
}
