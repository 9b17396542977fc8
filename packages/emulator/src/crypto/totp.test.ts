import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  generateTotp,
  generateTotpSecret,
  otpauthUri,
  totpStep,
  verifyTotp,
} from "./totp";

// RFC 6238 Appendix B, SHA-1 rows (seed "12345678901234567890"); 6-digit codes are the low 6 digits
// of the RFC's 8-digit values (same truncation, modulo 10^6 instead of 10^8).
const rfcSecret = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const rfcVectors: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe("base32", () => {
  it("follows RFC 4648 test vectors (padding stripped)", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode("mzxw6ytboi======").toString()).toBe("foobar");
    expect(rfcSecret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("throws TypeError on characters outside the alphabet", () => {
    expect(() => base32Decode("MZXW1")).toThrow(TypeError);
  });
});

describe("generateTotpSecret", () => {
  it("returns 32 base32 characters (160 bits), different each time", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe("generateTotp", () => {
  it("matches the RFC 6238 SHA-1 vectors", () => {
    for (const [seconds, code] of rfcVectors) expect(generateTotp(rfcSecret, at(seconds))).toBe(code);
  });
});

describe("verifyTotp", () => {
  it("accepts the RFC 6238 vectors and returns their time step", () => {
    for (const [seconds, code] of rfcVectors)
      expect(verifyTotp(rfcSecret, code, at(seconds))).toBe(Math.floor(seconds / 30));
  });

  it("accepts the neighbouring steps within the window and no further", () => {
    const now = at(1234567890);
    const step = totpStep(now);
    expect(verifyTotp(rfcSecret, generateTotp(rfcSecret, at(1234567890 - 30)), now)).toBe(step - 1);
    expect(verifyTotp(rfcSecret, generateTotp(rfcSecret, at(1234567890 + 30)), now)).toBe(step + 1);
    expect(verifyTotp(rfcSecret, generateTotp(rfcSecret, at(1234567890 - 60)), now)).toBeUndefined();
    expect(verifyTotp(rfcSecret, generateTotp(rfcSecret, at(1234567890 - 60)), now, 2)).toBe(step - 2);
    expect(verifyTotp(rfcSecret, generateTotp(rfcSecret, at(1234567890 - 30)), now, 0)).toBeUndefined();
  });

  it("does not look before step 0", () => {
    expect(verifyTotp(rfcSecret, generateTotp(rfcSecret, at(0)), at(10))).toBe(0);
  });

  it("refuses wrong codes, other secrets and malformed input", () => {
    const now = at(59);
    expect(verifyTotp(rfcSecret, "287083", now)).toBeUndefined();
    expect(verifyTotp(generateTotpSecret(), "287082", at(1111111109))).toBeUndefined();
    expect(verifyTotp(rfcSecret, "28708", now)).toBeUndefined();
    expect(verifyTotp(rfcSecret, "2870820", now)).toBeUndefined();
    expect(verifyTotp(rfcSecret, " 287082", now)).toBeUndefined();
    expect(verifyTotp(rfcSecret, "94287082", now)).toBeUndefined();
  });
});

describe("otpauthUri", () => {
  it("builds a Key Uri Format URI with the issuer in label and parameters", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "alice@example.com", "My App")).toBe(
      "otpauth://totp/My%20App:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=My%20App&algorithm=SHA1&digits=6&period=30",
    );
  });
});
