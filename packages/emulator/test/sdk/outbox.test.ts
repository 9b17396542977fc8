import { SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { createClient, createPool, outbox, PASSWORD } from "../support/pool";

describe("outbox", () => {
  const t = useEmulator();
  beforeAll(async () => {
    const poolId = await createPool(t.client);
    const { clientId } = await createClient(t.client, poolId);
    for (const name of ["one", "two"]) {
      await t.client.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: name,
          Password: PASSWORD,
          UserAttributes: [{ Name: "email", Value: `${name}@example.com` }],
        }),
      );
    }
  });

  it("lists messages newest first and filters by recipient", async () => {
    const all = (await (await fetch(`${t.emulator.url}/_outbox.json`)).json()) as {
      messages: { to: string }[];
    };
    expect(all.messages.map((m) => m.to)).toEqual(["two@example.com", "one@example.com"]);
    const one = await outbox(t.emulator.url, "ONE@example.com");
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ to: "one@example.com", medium: "EMAIL", kind: "SignUp" });
  });

  it("shows the messages as an HTML page with the recipient escaped", async () => {
    const res = await fetch(`${t.emulator.url}/_outbox?to=${encodeURIComponent("<b>x")}`);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("&lt;b&gt;x");
    expect(html).not.toContain("<b>x");
    const page = await (await fetch(`${t.emulator.url}/_outbox`)).text();
    expect(page).toContain("two@example.com");
  });
});
