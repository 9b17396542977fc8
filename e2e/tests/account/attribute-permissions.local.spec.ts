import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  UpdateUserAttributesCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { expect, stack, test } from "../../fixtures";
import { storedAccount } from "../../fixtures/stored-session";

test("a user's own access token may set job_title but not plan or tenant_id", async ({
  page,
  user,
  signIn,
}) => {
  await signIn(page, user);
  const { access_token: AccessToken } = await storedAccount(user.email);
  const idp = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: stack.emulatorUrl });

  await idp.send(
    new UpdateUserAttributesCommand({
      AccessToken,
      UserAttributes: [{ Name: "custom:job_title", Value: "Pilot" }],
    }),
  );
  for (const Name of ["custom:plan", "custom:tenant_id"]) {
    await expect(
      idp.send(
        new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name, Value: "enterprise" }] }),
      ),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
  }
  const attributes = (await idp.send(new GetUserCommand({ AccessToken }))).UserAttributes ?? [];
  expect(attributes.find((a) => a.Name === "custom:job_title")?.Value).toBe("Pilot");
  expect(attributes.find((a) => a.Name === "custom:plan")).toBeUndefined();
  idp.destroy();
});
