import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CreateGroupCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import {
  createClient,
  createConfirmedUser,
  createPool,
  decodeJwt,
  latestCode,
  PASSWORD,
} from "../support/pool";

describe("admin user operations", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client);
    ({ clientId } = await createClient(t.client, poolId));
  });

  it("AdminCreateUser, AdminGetUser, AdminDeleteUser", async () => {
    const r = await t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "paul",
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: "paul@example.com" }],
      }),
    );
    expect(r.User?.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
    expect(r.User?.UserCreateDate).toBeInstanceOf(Date);
    const dup = await errorOf(
      t.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "paul" })),
    );
    expect(dup.name).toBe("UsernameExistsException");
    const weak = await errorOf(
      t.client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: "weak", TemporaryPassword: "abc" }),
      ),
    );
    expect(weak.name).toBe("InvalidPasswordException");
    const got = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "paul" }));
    expect(got.UserAttributes?.find((a) => a.Name === "email")?.Value).toBe("paul@example.com");
    expect(got.UserAttributes?.find((a) => a.Name === "sub")?.Value).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.Enabled).toBe(true);
    await t.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "paul" }));
    expect(
      (await errorOf(t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "paul" })))).name,
    ).toBe("UserNotFoundException");
  });

  it("AdminSetUserPassword enforces the policy; non-permanent forces a change", async () => {
    await createConfirmedUser(t.client, poolId, "quinn");
    const weak = await errorOf(
      t.client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: "quinn",
          Password: "short",
          Permanent: true,
        }),
      ),
    );
    expect(weak.name).toBe("InvalidPasswordException");
    await t.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "quinn", Password: "Temp-Pass-word2" }),
    );
    const got = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "quinn" }));
    expect(got.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
  });

  it("AdminConfirmSignUp confirms an unconfirmed user", async () => {
    await t.client.send(new SignUpCommand({ ClientId: clientId, Username: "rita", Password: PASSWORD }));
    await t.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "rita" }));
    const got = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "rita" }));
    expect(got.UserStatus).toBe("CONFIRMED");
    const again = await errorOf(
      t.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "rita" })),
    );
    expect(again.name).toBe("NotAuthorizedException");
  });

  it("AdminUpdateUserAttributes unverifies a changed email and sends a code", async () => {
    await createConfirmedUser(t.client, poolId, "sam", { email: "sam@example.com", email_verified: "true" });
    await t.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: "sam",
        UserAttributes: [
          { Name: "email", Value: "sam2@example.com" },
          { Name: "name", Value: "Sam" },
        ],
      }),
    );
    const got = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "sam" }));
    const attrs = Object.fromEntries((got.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attrs).toMatchObject({ email: "sam2@example.com", email_verified: "false", name: "Sam" });
    expect(await latestCode(t.emulator.url, "sam2@example.com")).toMatch(/^\d{6}$/);
    const bad = await errorOf(
      t.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: "sam",
          UserAttributes: [{ Name: "shoe_size", Value: "9" }],
        }),
      ),
    );
    expect(bad.name).toBe("InvalidParameterException");
  });

  it("ListUsers filters and paginates", async () => {
    for (const n of ["u1", "u2", "u3"])
      await createConfirmedUser(t.client, poolId, `list-${n}`, { email: `${n}@list.example` });
    const exact = await t.client.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: 'email = "u2@list.example"' }),
    );
    expect(exact.Users?.map((u) => u.Username)).toEqual(["list-u2"]);
    const prefix = await t.client.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: 'username ^= "list-"', Limit: 2 }),
    );
    expect(prefix.Users?.map((u) => u.Username)).toEqual(["list-u1", "list-u2"]);
    const next = await t.client.send(
      new ListUsersCommand({
        UserPoolId: poolId,
        Filter: 'username ^= "list-"',
        Limit: 2,
        PaginationToken: prefix.PaginationToken,
      }),
    );
    expect(next.Users?.map((u) => u.Username)).toEqual(["list-u3"]);
    expect(next.PaginationToken).toBeUndefined();
    const bad = await errorOf(
      t.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: "email == x" })),
    );
    expect(bad.name).toBe("InvalidParameterException");
    const status = await t.client.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: 'cognito:user_status = "UNCONFIRMED"' }),
    );
    expect(status.Users?.every((u) => u.UserStatus === "UNCONFIRMED")).toBe(true);
  });

  it("group membership shows in the tokens and the listings", async () => {
    await t.client.send(
      new CreateGroupCommand({
        UserPoolId: poolId,
        GroupName: "admins",
        Precedence: 1,
        RoleArn: "arn:aws:iam::123456789012:role/admin",
      }),
    );
    await t.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "staff", Precedence: 5 }));
    await createConfirmedUser(t.client, poolId, "tina");
    await t.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "tina", GroupName: "admins" }),
    );
    await t.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "tina", GroupName: "staff" }),
    );
    const missing = await errorOf(
      t.client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "tina", GroupName: "nope" }),
      ),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    const groups = await t.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: "tina" }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(["admins", "staff"]);
    const members = await t.client.send(
      new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "admins" }),
    );
    expect(members.Users?.map((u) => u.Username)).toEqual(["tina"]);
    const auth = await t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "tina", PASSWORD },
      }),
    );
    const id = decodeJwt(auth.AuthenticationResult?.IdToken ?? "");
    expect(id["cognito:groups"]).toEqual(["admins", "staff"]);
    expect(id["cognito:preferred_role"]).toBe("arn:aws:iam::123456789012:role/admin");
    expect(decodeJwt(auth.AuthenticationResult?.AccessToken ?? "")["cognito:groups"]).toEqual([
      "admins",
      "staff",
    ]);
    await t.client.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: "tina", GroupName: "staff" }),
    );
    const after = await t.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: "tina" }),
    );
    expect(after.Groups?.map((g) => g.GroupName)).toEqual(["admins"]);
  });
});
