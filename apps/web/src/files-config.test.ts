import { describe, expect, it } from "vitest";
import { s3Location } from "./files-config";

describe("s3Location", () => {
  it("uses the bucket's regional virtual-hosted endpoint on AWS", () => {
    expect(s3Location({ bucket: "acme-notes-prod-user-files", region: "eu-west-1" })).toEqual({
      bucket: "acme-notes-prod-user-files",
      region: "eu-west-1",
      forcePathStyle: false,
      origin: "https://acme-notes-prod-user-files.s3.eu-west-1.amazonaws.com",
    });
  });

  it("goes path-style to the regional endpoint for bucket names with dots", () => {
    const loc = s3Location({ bucket: "files.example.com", region: "us-east-1" });
    expect(loc).toMatchObject({
      endpoint: "https://s3.us-east-1.amazonaws.com",
      forcePathStyle: true,
      origin: "https://s3.us-east-1.amazonaws.com",
    });
  });

  it("goes path-style to an explicit endpoint (the emulator's /_s3)", () => {
    expect(
      s3Location({
        bucket: "acme-notes-local-user-files",
        region: "us-east-1",
        endpoint: "http://127.0.0.1:9229/_s3/",
      }),
    ).toEqual({
      bucket: "acme-notes-local-user-files",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9229/_s3",
      forcePathStyle: true,
      origin: "http://127.0.0.1:9229",
    });
  });
});
