import { Amplify } from "aws-amplify";
import { fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

/** Amplify v6 `signIn` (USER_SRP_AUTH by default) with a custom user pool endpoint. */
describe("Amplify v6 signIn against the emulator", () => {
  const t = useEmulator();
  beforeAll(async () => {
    const userPoolId = await createPool(t.client);
    const { clientId } = await createClient(t.client, userPoolId);
    await createConfirmedUser(t.client, userPoolId, "amy", { email: "amy@example.com" });
    Amplify.configure({
      Auth: { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: `${t.emulator.url}/` } },
    });
  });

  it("signs in with the right password and holds Cognito's tokens", async () => {
    const result = await signIn({ username: "amy", password: PASSWORD });
    expect(result.isSignedIn).toBe(true);
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload["cognito:username"]).toBe("amy");
    expect(session.tokens?.accessToken.payload.token_use).toBe("access");
    await signOut();
  });

  it("fails with NotAuthorizedException for a wrong password", async () => {
    await expect(signIn({ username: "amy", password: "Wrong-Password-9" })).rejects.toMatchObject({
      name: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
  });
});
