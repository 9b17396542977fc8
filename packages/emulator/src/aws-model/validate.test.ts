/**
 * The front-door validation against the AWS model. The expected messages are AWS's own wording
 * (the Coral validation framework behind both Cognito APIs), for example, from Cognito:
 * `1 validation error detected: Value at 'password' failed to satisfy constraint: Member must
 * satisfy regular expression pattern: [\S]+` (a sensitive member: no value), and
 * `Value null at 'clientId' failed to satisfy constraint: Member must not be null`.
 */
import { describe, expect, it } from "vitest";
import { validationMessage } from "./validate";

describe("validationMessage (cognito-idp model)", () => {
  it("accepts a request within every constraint", () => {
    expect(
      validationMessage("cognito-idp", "InitiateAuth", {
        ClientId: "abc123",
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "a", PASSWORD: "b" },
      }),
    ).toBeUndefined();
  });

  it("names a missing required member", () => {
    expect(validationMessage("cognito-idp", "InitiateAuth", { AuthFlow: "USER_SRP_AUTH" })).toBe(
      "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
  });

  it("gives the enum's value set, and every violation, in the model's member order", () => {
    // ClientIdType is sensitive in the model, so its value is not shown.
    expect(validationMessage("cognito-idp", "InitiateAuth", { ClientId: "", AuthFlow: "MAGIC" })).toBe(
      "3 validation errors detected: " +
        "Value 'MAGIC' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: " +
        "[USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]; " +
        "Value at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    );
  });

  it("leaves out the value of a sensitive member", () => {
    const message = validationMessage("cognito-idp", "SignUp", {
      ClientId: "abc",
      Username: "user",
      Password: "has space",
    });
    expect(message).toBe(
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    );
  });

  it("checks nested structures, list members (1-based) and number ranges", () => {
    const message = validationMessage("cognito-idp", "CreateUserPool", {
      PoolName: "p",
      Policies: { PasswordPolicy: { MinimumLength: 5 } },
      Schema: [{ Name: "ok" }, { Name: "x".repeat(21) }],
    });
    expect(message).toBe(
      "2 validation errors detected: " +
        "Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6; " +
        `Value '${"x".repeat(21)}' at 'schema.2.member.name' failed to satisfy constraint: Member must have length less than or equal to 20`,
    );
  });

  it("matches a pattern whole, with Unicode classes, and the `(?s)` flag", () => {
    expect(
      validationMessage("cognito-idp", "AdminGetUser", { UserPoolId: "us-east-1_abc", Username: "Zoë" }),
    ).toBe(undefined);
    expect(
      validationMessage("cognito-idp", "AdminGetUser", { UserPoolId: "x us-east-1_abc", Username: "a" }),
    ).toMatch(
      /^1 validation error detected: Value 'x us-east-1_abc' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
    expect(
      validationMessage("cognito-idp", "CreateUserPool", {
        PoolName: "p",
        AdminCreateUserConfig: {
          InviteMessageTemplate: { SMSMessage: "line one\nline two {username} {####}" },
        },
      }),
    ).toBeUndefined();
  });

  it("leaves a member of the wrong JSON type to the operation's schema, and ignores unknown members", () => {
    expect(
      validationMessage("cognito-idp", "InitiateAuth", { ClientId: 5, AuthFlow: "USER_SRP_AUTH", Extra: 1 }),
    ).toBe(undefined);
  });
});

describe("validationMessage (cognito-identity model)", () => {
  it("checks an identity pool ID against the model's pattern", () => {
    expect(validationMessage("cognito-identity", "GetId", { IdentityPoolId: "not-a-pool" })).toBe(
      "1 validation error detected: Value 'not-a-pool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    );
  });
});
