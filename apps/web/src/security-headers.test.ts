import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("forbids framing and sniffing on every origin", () => {
    const headers = Object.fromEntries(securityHeaders("http://localhost:3000").map((h) => [h.key, h.value]));
    expect(headers["X-Frame-Options"]).toBe("DENY");
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

describe("contentSecurityPolicy", () => {
  it("defaults every kind to this site, and allows data: images for the TOTP QR code", () => {
    const csp = contentSecurityPolicy("http://127.0.0.1:9229/_domain/local", {
      filesOrigin: "https://acme-files.s3.eu-west-1.amazonaws.com",
    });
    expect(csp.split("; ")[0]).toBe("default-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob: https://acme-files.s3.eu-west-1.amazonaws.com");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("forbids framing and lets forms post only here and to the hosted UI", () => {
    const csp = contentSecurityPolicy("https://acme.auth.eu-west-1.amazoncognito.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://acme.auth.eu-west-1.amazoncognito.com");
  });

  it("lets scripts connect only here and to the files bucket", () => {
    const csp = contentSecurityPolicy("https://acme.auth.eu-west-1.amazoncognito.com", {
      filesOrigin: "https://acme-files.s3.eu-west-1.amazonaws.com",
    });
    expect(csp).toContain("connect-src 'self' https://acme-files.s3.eu-west-1.amazonaws.com");
    expect(contentSecurityPolicy("http://127.0.0.1:9229/_domain/local")).toContain("connect-src 'self'");
  });

  it("allows the dev server's websocket only in development", () => {
    const csp = contentSecurityPolicy("http://127.0.0.1:9229/_domain/local", {
      filesOrigin: "http://127.0.0.1:9229",
      dev: true,
    });
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:9229 ws:");
  });

  it("runs only scripts with the request's nonce, and eval only in development", () => {
    const csp = contentSecurityPolicy("http://127.0.0.1:9229/_domain/local", { nonce: "abc123" });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(scripts).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("http://x", { nonce: "n", dev: true })).toContain(
      "'strict-dynamic' 'unsafe-eval'",
    );
  });
});
