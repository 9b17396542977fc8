import { describe, expect, it } from "vitest";
import { otpauthUri, qrCodeDataUrl } from "./totp";

describe("otpauthUri", () => {
  it("labels the key with the issuer and account and spells out Cognito's parameters", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "ada@example.com", "Acme Notes")).toBe(
      "otpauth://totp/Acme%20Notes:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Notes&algorithm=SHA1&digits=6&period=30",
    );
  });
});

describe("qrCodeDataUrl", () => {
  it("renders an SVG data URL", async () => {
    const url = await qrCodeDataUrl("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP");
    expect(url.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(Buffer.from(url.split(",")[1] ?? "", "base64").toString()).toContain("<svg");
  });
});
