import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("forbids framing and sniffing on every origin", () => {
    const headers = Object.fromEntries(securityHeaders("http://localhost:3000").map((h) => [h.key, h.value]));
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders("http://localhost:3000").some((h) => h.key === "Strict-Transport-Security")).toBe(
      false,
    );
    expect(
      securityHeaders("https://app.example.com").some((h) => h.key === "Strict-Transport-Security"),
    ).toBe(true);
  });
});
