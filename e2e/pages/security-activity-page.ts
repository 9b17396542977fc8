import type { Locator, Page } from "@playwright/test";

/** The account's Security activity page (`/account/security-activity`). */
export class SecurityActivityPage {
  readonly heading: Locator;
  readonly events: Locator;
  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Security activity" });
    this.events = page.getByRole("table", { name: /Recent sign-ins/ });
  }
  async open() {
    await this.page.goto("/account/security-activity");
  }
  /** The rows of sign-in events from an IP address (newest first). */
  eventsFrom(ipAddress: string): Locator {
    return this.events
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: ipAddress, exact: true }) });
  }
}
