import {
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";

const seedPolicy = {
  PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
};

describe("CreateUserPool", () => {
  const t = useEmulator();

  it("refuses the seed's pool with MFA OPTIONAL and no SMS configuration, as AWS does", async () => {
    const err = await errorOf(
      t.client.send(
        new CreateUserPoolCommand({
          PoolName: "MyAppUsers",
          Policies: seedPolicy,
          AutoVerifiedAttributes: ["email"],
          MfaConfiguration: "OPTIONAL",
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
    expect(err.message).toBe(
      "SMS configuration and Auto verification for phone_number are required when MFA is required/optional",
    );
  });

  it("creates the pool with an SMS configuration and describes it back", async () => {
    const created = await t.client.send(
      new CreateUserPoolCommand({
        PoolName: "MyAppUsers",
        Policies: seedPolicy,
        AutoVerifiedAttributes: ["email"],
        MfaConfiguration: "OPTIONAL",
        SmsConfiguration: { SnsCallerArn: "arn:aws:iam::123456789012:role/sns-caller", ExternalId: "x" },
      }),
    );
    const id = created.UserPool?.Id ?? "";
    expect(id).toMatch(/^us-east-1_[0-9a-zA-Z]{9}$/);
    const described = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    expect(described.UserPool?.Name).toBe("MyAppUsers");
    expect(described.UserPool?.MfaConfiguration).toBe("OPTIONAL");
    expect(described.UserPool?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireUppercase: true,
      RequireLowercase: false,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(described.UserPool?.AutoVerifiedAttributes).toEqual(["email"]);
    expect(described.UserPool?.CreationDate).toBeInstanceOf(Date);
    expect(described.UserPool?.Arn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${id}`);
  });

  it("creates without MFA, then turns on TOTP with SetUserPoolMfaConfig", async () => {
    const created = await t.client.send(
      new CreateUserPoolCommand({
        PoolName: "MyAppUsers",
        Policies: seedPolicy,
        AutoVerifiedAttributes: ["email"],
      }),
    );
    const UserPoolId = created.UserPool?.Id ?? "";
    const set = await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        SoftwareTokenMfaConfiguration: { Enabled: true },
        MfaConfiguration: "OPTIONAL",
      }),
    );
    expect(set.MfaConfiguration).toBe("OPTIONAL");
    const got = await t.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId }));
    expect(got.SoftwareTokenMfaConfiguration?.Enabled).toBe(true);
    expect(got.MfaConfiguration).toBe("OPTIONAL");
    const described = await t.client.send(new DescribeUserPoolCommand({ UserPoolId }));
    expect(described.UserPool?.MfaConfiguration).toBe("OPTIONAL");
  });

  it("refuses turning MFA off while configuring an MFA", async () => {
    const created = await t.client.send(new CreateUserPoolCommand({ PoolName: "p" }));
    const err = await errorOf(
      t.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: created.UserPool?.Id,
          SoftwareTokenMfaConfiguration: { Enabled: true },
          MfaConfiguration: "OFF",
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
  });

  it("answers the legacy verification messages with those of VerificationMessageTemplate", async () => {
    const created = await t.client.send(
      new CreateUserPoolCommand({
        PoolName: "templated",
        VerificationMessageTemplate: {
          DefaultEmailOption: "CONFIRM_WITH_CODE",
          EmailMessage: "foo {####} bar",
          EmailSubject: "foobar {####}",
          SmsMessage: "{####} baz",
        },
      }),
    );
    expect(created.UserPool).toMatchObject({
      SmsVerificationMessage: "{####} baz",
      EmailVerificationMessage: "foo {####} bar",
      EmailVerificationSubject: "foobar {####}",
      VerificationMessageTemplate: { SmsMessage: "{####} baz", EmailMessage: "foo {####} bar" },
    });
  });

  it("refuses a pool name with forbidden characters", async () => {
    const err = await errorOf(t.client.send(new CreateUserPoolCommand({ PoolName: "bad/name" })));
    expect(err.name).toBe("InvalidParameterException");
  });
});

describe("UpdateUserPool, ListUserPools, DeleteUserPool", () => {
  const t = useEmulator();

  it("updates, lists with pagination and deletes", async () => {
    const ids: string[] = [];
    for (const name of ["a", "b", "c"]) {
      const r = await t.client.send(new CreateUserPoolCommand({ PoolName: name }));
      ids.push(r.UserPool?.Id ?? "");
    }
    await t.client.send(
      new UpdateUserPoolCommand({ UserPoolId: ids[0], Policies: { PasswordPolicy: { MinimumLength: 10 } } }),
    );
    const d = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: ids[0] }));
    expect(d.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(10);

    const first = await t.client.send(new ListUserPoolsCommand({ MaxResults: 2 }));
    expect(first.UserPools?.map((p) => p.Id)).toEqual(ids.slice(0, 2));
    const second = await t.client.send(
      new ListUserPoolsCommand({ MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.UserPools?.map((p) => p.Id)).toEqual(ids.slice(2));
    expect(second.NextToken).toBeUndefined();

    await t.client.send(new DeleteUserPoolCommand({ UserPoolId: ids[1] }));
    const err = await errorOf(t.client.send(new DescribeUserPoolCommand({ UserPoolId: ids[1] })));
    expect(err.name).toBe("ResourceNotFoundException");
  });

  it("refuses deleting a pool with deletion protection", async () => {
    const r = await t.client.send(
      new CreateUserPoolCommand({ PoolName: "kept", DeletionProtection: "ACTIVE" }),
    );
    const err = await errorOf(t.client.send(new DeleteUserPoolCommand({ UserPoolId: r.UserPool?.Id })));
    expect(err.name).toBe("InvalidParameterException");
  });
});
