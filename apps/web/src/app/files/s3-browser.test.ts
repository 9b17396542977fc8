import { describe, expect, it } from "vitest";
import { attachmentDisposition, FilesError, s3XmlError, safeFileName, toFilesError } from "./s3-browser";

describe("safeFileName", () => {
  it("keeps ordinary names, spaces and non-ASCII letters", () => {
    expect(safeFileName("report 2026.pdf")).toBe("report 2026.pdf");
    expect(safeFileName("café ünïcode.txt")).toBe("café ünïcode.txt");
  });

  it("never lets a name leave the user's folder or carry control characters", () => {
    expect(safeFileName("../../other/secret.txt")).toBe(".._.._other_secret.txt");
    expect(safeFileName("a\\b.txt")).toBe("a_b.txt");
    expect(safeFileName("line\nbreak\u0000.txt")).toBe("linebreak.txt");
  });

  it("refuses names that are empty, dot segments or too long for an S3 key", () => {
    for (const bad of ["", "   ", ".", "..", "x".repeat(901)]) {
      expect(() => safeFileName(bad)).toThrow(FilesError);
    }
  });
});

describe("attachmentDisposition", () => {
  it("names the file for the download, with an RFC 6266 UTF-8 form for non-ASCII names", () => {
    expect(attachmentDisposition("hello.txt")).toBe(
      `attachment; filename="hello.txt"; filename*=UTF-8''hello.txt`,
    );
    expect(attachmentDisposition('café "q".txt')).toBe(
      `attachment; filename="caf_ _q_.txt"; filename*=UTF-8''caf%C3%A9%20%22q%22.txt`,
    );
  });
});

describe("s3XmlError", () => {
  it("reads S3's error code and message", () => {
    const e = s3XmlError(
      403,
      '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
    );
    expect(e).toMatchObject({ code: "AccessDenied", message: "Access Denied" });
  });

  it("falls back to the status when the body is not S3's", () => {
    expect(s3XmlError(502, "Bad gateway")).toMatchObject({ code: "HTTP502" });
  });
});

describe("toFilesError", () => {
  it("treats a failed fetch (TypeError) as the network being down", () => {
    expect(toFilesError(new TypeError("Failed to fetch")).code).toBe("NetworkError");
  });

  it("keeps the SDK's S3 error names", () => {
    const sdk = Object.assign(new Error("The provided token has expired."), { name: "ExpiredToken" });
    expect(toFilesError(sdk)).toMatchObject({
      code: "ExpiredToken",
      message: "The provided token has expired.",
    });
  });
});
