import { afterEach, describe, expect, it } from "vitest";
import { type Front, startFront } from "../../conformance/moto/front";

const call = (front: Front, target: string, body: unknown) =>
  fetch(front.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

describe("moto front", () => {
  let front: Front | undefined;
  afterEach(async () => {
    await front?.close();
    front = undefined;
  });

  it("forwards calls and starts over with an empty store on /moto-api/reset", async () => {
    front = await startFront();
    expect((await call(front, "CreateUserPool", { PoolName: "one" })).status).toBe(200);
    const before = await call(front, "ListUserPools", { MaxResults: 10 });
    expect((before.body.UserPools as unknown[]).length).toBe(1);
    const reset = await fetch(`${front.url}/moto-api/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    expect(front.resets()).toBe(1);
    const after = await call(front, "ListUserPools", { MaxResults: 10 });
    expect(after.body.UserPools).toEqual([]);
  });

  it("keeps and hands back moto's no-auth action count", async () => {
    front = await startFront();
    const first = await fetch(`${front.url}/moto-api/reset-auth`, { method: "POST", body: "0" });
    expect(await first.json()).toEqual({ status: "ok", PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: "inf" });
    const second = await fetch(`${front.url}/moto-api/reset-auth`, { method: "POST", body: "inf" });
    expect(await second.json()).toEqual({ status: "ok", PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: "0" });
  });
});
