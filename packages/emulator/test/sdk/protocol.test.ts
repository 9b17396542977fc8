import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";

const post = (url: string, target: string | undefined, body: string) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      ...(target ? { "x-amz-target": target } : {}),
    },
    body,
  });

describe("AWS JSON 1.1 protocol", () => {
  const t = useEmulator();

  it("answers an unknown operation with UnknownOperationException and the error-type header", async () => {
    const res = await post(t.emulator.url, "AWSCognitoIdentityProviderService.DoesNotExist", "{}");
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(await res.json()).toMatchObject({ __type: "UnknownOperationException" });
  });

  it("answers a body that is not JSON with InvalidParameterException, not a 500", async () => {
    const res = await post(t.emulator.url, "AWSCognitoIdentityProviderService.ListUserPools", "{not json");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: "InvalidParameterException" });
  });

  it("answers wrongly typed members with InvalidParameterException naming the member", async () => {
    const res = await post(
      t.emulator.url,
      "AWSCognitoIdentityProviderService.ListUserPools",
      '{"MaxResults":"x"}',
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { __type: string; message: string };
    expect(body.__type).toBe("InvalidParameterException");
    expect(body.message).toContain("maxResults");
  });

  it("answers a JSON array body with InvalidParameterException", async () => {
    const res = await post(t.emulator.url, "AWSCognitoIdentityProviderService.ListUserPools", "[]");
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("InvalidParameterException");
  });

  it("answers a missing target with UnknownOperationException", async () => {
    const res = await post(t.emulator.url, undefined, "{}");
    expect(await res.json()).toMatchObject({ __type: "UnknownOperationException" });
  });
});
