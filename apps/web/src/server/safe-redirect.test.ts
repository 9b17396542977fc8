import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirectPath("/account/security?x=1#top", "/")).toBe("/account/security?x=1#top");
    expect(safeRedirectPath("/files", "/")).toBe("/files");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\\\t\\evil.example/",
    "/.//evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
    "",
    "dashboard",
  ])("sends %j to the fallback", (value) => {
    expect(safeRedirectPath(value, "/dashboard")).toBe("/dashboard");
  });

  it("drops CR and LF as browsers do, so no header can be injected", () => {
    const path = safeRedirectPath("/account\r\nSet-Cookie: a=b", "/");
    expect(path).not.toMatch(/[\r\n]/);
    expect(path.startsWith("/account")).toBe(true);
  });

  it("answers the fallback for a missing value", () => {
    expect(safeRedirectPath(undefined, "/account")).toBe("/account");
    expect(safeRedirectPath(null, "/account")).toBe("/account");
  });
});
