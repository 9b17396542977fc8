import type { Locator, Page } from "@playwright/test";

export class HomePage {
  readonly heading: Locator;
  readonly apiStatus: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.apiStatus = page.getByTestId("api-status");
  }

  async open() {
    return this.page.goto("/");
  }
}
