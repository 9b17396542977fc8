/**
 * A pool's attribute schema and the attribute operations, through the AWS SDK. The default
 * schema and the messages are those AWS returns (DescribeUserPool of a new pool; the messages as
 * moto 5.2.1's Cognito tests record them from AWS: `tests/test_cognitoidp/test_cognitoidp.py`,
 * `test_create_user_pool_*schema*`, `test_add_custom_attributes*`, `test_admin_delete_user_attributes*`).
 */
import {
  AddCustomAttributesCommand,
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  DeleteUserAttributesCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

describe("user pool schema and attribute operations", () => {
  const t = useEmulator();
  const create = (Schema: CreateUserPoolCommandInput["Schema"]) =>
    t.client.send(new CreateUserPoolCommand({ PoolName: "schema", Schema }));
  const schemaOf = async (Schema: CreateUserPoolCommandInput["Schema"]) =>
    Object.fromEntries(((await create(Schema)).UserPool?.SchemaAttributes ?? []).map((a) => [a.Name, a]));

  it("describes the standard attributes with AWS's constraints", async () => {
    const id = await createPool(t.client);
    const schema = (await t.client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool
      ?.SchemaAttributes;
    const byName = Object.fromEntries((schema ?? []).map((a) => [a.Name, a]));
    expect(byName.birthdate?.StringAttributeConstraints).toEqual({ MinLength: "10", MaxLength: "10" });
    expect(byName.sub).toMatchObject({
      Mutable: false,
      Required: true,
      StringAttributeConstraints: { MinLength: "1" },
    });
    expect(byName.updated_at?.NumberAttributeConstraints).toEqual({ MinValue: "0" });
    expect(byName.email_verified).toEqual({
      Name: "email_verified",
      AttributeDataType: "Boolean",
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
    });
  });

  it("keeps only the constraints of an attribute's own data type", async () => {
    const both = {
      NumberAttributeConstraints: { MinValue: "10", MaxValue: "20" },
      StringAttributeConstraints: { MinLength: "10", MaxLength: "20" },
    };
    const s = await schemaOf([
      { Name: "string", AttributeDataType: "String", ...both },
      { Name: "number", AttributeDataType: "Number", ...both },
      { Name: "boolean", AttributeDataType: "Boolean", ...both },
      { Name: "plain", AttributeDataType: "String" },
      { Name: "secret", AttributeDataType: "String", DeveloperOnlyAttribute: true },
    ]);
    expect(s["custom:string"]).toMatchObject({ StringAttributeConstraints: both.StringAttributeConstraints });
    expect(s["custom:string"]?.NumberAttributeConstraints).toBeUndefined();
    expect(s["custom:number"]).toMatchObject({ NumberAttributeConstraints: both.NumberAttributeConstraints });
    expect(s["custom:number"]?.StringAttributeConstraints).toBeUndefined();
    expect(s["custom:boolean"]?.StringAttributeConstraints).toBeUndefined();
    expect(s["custom:boolean"]?.NumberAttributeConstraints).toBeUndefined();
    expect(s["custom:plain"]).toMatchObject({
      Mutable: true,
      DeveloperOnlyAttribute: false,
      StringAttributeConstraints: {},
    });
    expect(s["dev:custom:secret"]?.DeveloperOnlyAttribute).toBe(true);
  });

  it.each([
    [
      [{ Name: "custom" }],
      "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.",
    ],
    [
      [{ Name: "banana", AttributeDataType: "String", Required: true }],
      "Required custom attributes are not supported currently.",
    ],
    [
      [{ Name: "email", AttributeDataType: "Number" }],
      "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email",
    ],
    [
      [{ Name: "email", DeveloperOnlyAttribute: true }],
      "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email",
    ],
    [
      [{ Name: "email", AttributeDataType: "String", StringAttributeConstraints: { MinLength: "x" } }],
      "Invalid StringAttributeConstraints for schema attribute email",
    ],
    [
      [{ Name: "updated_at", AttributeDataType: "Number", NumberAttributeConstraints: { MaxValue: "-1" } }],
      "Invalid NumberAttributeConstraints for schema attribute updated_at",
    ],
    [
      [{ Name: "email", AttributeDataType: "String", StringAttributeConstraints: { MaxLength: "2049" } }],
      "user.email: String attributes cannot have a length of more than 2048",
    ],
    [
      [
        {
          Name: "email",
          AttributeDataType: "String",
          StringAttributeConstraints: { MinLength: "2", MaxLength: "1" },
        },
      ],
      "user.email: Max length cannot be less than min length.",
    ],
    [
      [
        {
          Name: "updated_at",
          AttributeDataType: "Number",
          NumberAttributeConstraints: { MinValue: "2", MaxValue: "1" },
        },
      ],
      "user.updated_at: Max value cannot be less than min value.",
    ],
    [
      [
        { Name: "twice", AttributeDataType: "String" },
        { Name: "twice", AttributeDataType: "Number" },
      ],
      "custom:twice: Existing attribute already has name custom:twice.",
    ],
  ] as [CreateUserPoolCommandInput["Schema"], string][])("refuses the schema %j", async (schema, message) => {
    const err = await errorOf(create(schema));
    expect(err).toMatchObject({ name: "InvalidParameterException", message });
  });

  it("AddCustomAttributes adds to the schema and refuses a name that exists", async () => {
    const id = await createPool(t.client, {
      Schema: [{ Name: "banana", AttributeDataType: "String", DeveloperOnlyAttribute: true }],
    });
    await t.client.send(
      new AddCustomAttributesCommand({
        UserPoolId: id,
        CustomAttributes: [{ Name: "tier", AttributeDataType: "Number" }],
      }),
    );
    const schema =
      (await t.client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.SchemaAttributes ?? [];
    expect(schema.find((a) => a.Name === "custom:tier")).toMatchObject({
      AttributeDataType: "Number",
      Mutable: true,
    });
    const err = await errorOf(
      t.client.send(
        new AddCustomAttributesCommand({
          UserPoolId: id,
          CustomAttributes: [{ Name: "banana", AttributeDataType: "String", DeveloperOnlyAttribute: true }],
        }),
      ),
    );
    expect(err).toMatchObject({
      name: "InvalidParameterException",
      message: "custom:banana: Existing attribute already has name dev:custom:banana.",
    });
  });

  it("AdminDeleteUserAttributes removes attributes and names every unknown one", async () => {
    const id = await createPool(t.client, { Schema: [{ Name: "foo", AttributeDataType: "String" }] });
    await createConfirmedUser(t.client, id, "del", {
      nickname: "Joe",
      given_name: "John",
      "custom:foo": "bar",
    });
    await t.client.send(
      new AdminDeleteUserAttributesCommand({
        UserPoolId: id,
        Username: "del",
        UserAttributeNames: ["nickname", "custom:foo"],
      }),
    );
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: "del" }));
    const names = (user.UserAttributes ?? []).map((a) => a.Name);
    expect(names).toContain("given_name");
    expect(names).not.toContain("nickname");
    expect(names).not.toContain("custom:foo");
    const err = await errorOf(
      t.client.send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: id,
          Username: "del",
          UserAttributeNames: ["nickname", "custom:nope", "custom:bar"],
        }),
      ),
    );
    expect(err).toMatchObject({
      name: "InvalidParameterException",
      message:
        "Invalid user attributes: user.custom:nope: Attribute does not exist in the schema.\nuser.custom:bar: Attribute does not exist in the schema.\n",
    });
    expect(
      await errorOf(
        t.client.send(
          new AdminDeleteUserAttributesCommand({
            UserPoolId: id,
            Username: "ghost",
            UserAttributeNames: ["nickname"],
          }),
        ),
      ),
    ).toMatchObject({ name: "UserNotFoundException", message: "User does not exist." });
  });

  it("DeleteUserAttributes lets the signed-in user remove their own attributes, with the email's verified flag", async () => {
    const id = await createPool(t.client);
    const { clientId } = await createClient(t.client, id);
    await createConfirmedUser(t.client, id, "self", {
      email: "self@example.com",
      email_verified: "True",
      nickname: "S",
    });
    const before = await t.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: "self" }));
    // "True" in any letter case is accepted and kept as "true", as Cognito keeps it.
    expect(before.UserAttributes).toContainEqual({ Name: "email_verified", Value: "true" });
    const auth = await t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "self", PASSWORD },
      }),
    );
    await t.client.send(
      new DeleteUserAttributesCommand({
        AccessToken: auth.AuthenticationResult?.AccessToken ?? "",
        UserAttributeNames: ["email", "nickname"],
      }),
    );
    const after = await t.client.send(new AdminGetUserCommand({ UserPoolId: id, Username: "self" }));
    expect((after.UserAttributes ?? []).map((a) => a.Name).sort()).toEqual(["sub"]);
  });

  it("refuses a *_verified value that is not true or false in any case", async () => {
    const id = await createPool(t.client);
    await createConfirmedUser(t.client, id, "flags");
    await t.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: id,
        Username: "flags",
        UserAttributes: [{ Name: "email_verified", Value: "FALSE" }],
      }),
    );
    const err = await errorOf(
      t.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: id,
          Username: "flags",
          UserAttributes: [{ Name: "email_verified", Value: "yes" }],
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
  });
});
