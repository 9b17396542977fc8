import type { Locator, Page } from "@playwright/test";

export class SignInPage {
  readonly button: Locator;
  constructor(private readonly page: Page) {
    this.button = page.getByRole("button", { name: "Sign in", exact: true });
  }
  async open() {
    await this.page.goto("/signin");
  }
}

export class DashboardPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly groups: Locator;
  readonly notes: Locator;
  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Dashboard" });
    this.email = page.getByTestId("me-email");
    this.groups = page.getByTestId("me-groups");
    this.notes = page.getByRole("list", { name: "Notes" });
  }
  async open() {
    await this.page.goto("/dashboard");
  }
  async addNote(title: string, body = "") {
    await this.page.getByRole("textbox", { name: "Title" }).fill(title);
    await this.page.getByRole("textbox", { name: "Note", exact: true }).fill(body);
    await this.page.getByRole("button", { name: "Add note" }).click();
  }
  async deleteNote(title: string) {
    await this.page.getByRole("button", { name: `Delete ${title}` }).click();
  }
  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
