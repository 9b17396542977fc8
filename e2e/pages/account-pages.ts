import { expect, type Locator, type Page } from "@playwright/test";

/** The account pages under /account. */
export class AccountPages {
  readonly status: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByRole("main").getByRole("status");
    this.alert = page.getByRole("main").getByRole("alert");
  }

  async openProfile() {
    await this.page.goto("/account");
    await expect(this.page.getByRole("heading", { name: "Your profile", exact: true })).toBeVisible();
  }

  async editProfile(fields: { name?: string; jobTitle?: string }) {
    const form = this.page.getByRole("form", { name: "Edit your profile" });
    if (fields.name !== undefined) await form.getByLabel("Name").fill(fields.name);
    if (fields.jobTitle !== undefined) await form.getByLabel("Job title").fill(fields.jobTitle);
    await form.getByRole("button", { name: "Save profile" }).click();
  }

  async changePassword(current: string, proposed: string, confirm = proposed) {
    await this.page.goto("/account/password");
    const form = this.page.getByRole("form", { name: "Change your password" });
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill(proposed);
    await form.getByLabel("Confirm new password").fill(confirm);
    await form.getByRole("button", { name: "Change password" }).click();
  }

  async openSecurity() {
    await this.page.goto("/account/security");
  }

  /** Starts authenticator-app enrolment and returns the secret the page shows as text. */
  async startTotpSetup(): Promise<string> {
    await this.page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect(this.page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    return ((await this.page.getByTestId("totp-secret").textContent()) ?? "").trim();
  }

  async verifyTotp(code: string) {
    const form = this.page.getByRole("form", { name: "Verify your authenticator app" });
    await form.getByLabel("Code from the app").fill(code);
    await form.getByRole("button", { name: "Verify and turn on" }).click();
  }

  async signOutEverywhere() {
    await this.page.goto("/account/sessions");
    await this.page.getByRole("button", { name: "Sign out everywhere" }).click();
  }

  async openContact() {
    await this.page.goto("/account/contact");
    await expect(this.page.getByRole("heading", { name: "Email and phone" })).toBeVisible();
  }

  async changeEmail(email: string) {
    const form = this.page.getByRole("form", { name: "Change your email" });
    await form.getByLabel("New email address").fill(email);
    await form.getByRole("button", { name: "Send a code to the new address" }).click();
  }

  async confirmEmail(code: string) {
    const form = this.page.getByRole("form", { name: "Confirm your new email" });
    await form.getByLabel("Code from the email").fill(code);
    await form.getByRole("button", { name: "Confirm new email" }).click();
  }

  async changePhone(phoneNumber: string) {
    const form = this.page.getByRole("form", { name: "Change your phone number" });
    await form.getByRole("textbox").fill(phoneNumber);
    await form.getByRole("button", { name: "Save and send a code" }).click();
  }

  async verifyPhone(code: string) {
    const form = this.page.getByRole("form", { name: "Verify your phone number" });
    await form.getByLabel("Code from the text message").fill(code);
    await form.getByRole("button", { name: "Verify phone number" }).click();
  }

  async deleteAccount() {
    await this.page.goto("/account/delete");
    await this.page.getByLabel("Confirmation").fill("DELETE");
    await this.page.getByRole("button", { name: "Delete my account" }).click();
  }
}
