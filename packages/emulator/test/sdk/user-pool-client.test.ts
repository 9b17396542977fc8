import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";

describe("user pool clients", () => {
  const t = useEmulator();
  let UserPoolId = "";
  beforeAll(async () => {
    UserPoolId = (await t.client.send(new CreateUserPoolCommand({ PoolName: "clients" }))).UserPool?.Id ?? "";
  });

  it("creates a client with Cognito's defaults and a secret when asked", async () => {
    const { UserPoolClient: c } = await t.client.send(
      new CreateUserPoolClientCommand({ UserPoolId, ClientName: "web", GenerateSecret: true }),
    );
    expect(c?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(c?.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(c?.ExplicitAuthFlows).toEqual([
      "ALLOW_REFRESH_TOKEN_AUTH",
      "ALLOW_USER_SRP_AUTH",
      "ALLOW_CUSTOM_AUTH",
    ]);
    expect(c?.RefreshTokenValidity).toBe(30);
    expect(c?.EnableTokenRevocation).toBe(true);
    expect(c?.AuthSessionValidity).toBe(3);
    const described = await t.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId, ClientId: c?.ClientId }),
    );
    expect(described.UserPoolClient?.ClientSecret).toBe(c?.ClientSecret);
  });

  // Cognito's messages, as CloudFormation and SDK users report them (e.g. aws/aws-cdk#2608,
  // aws/aws-sdk-java#1395): InvalidParameterException "Invalid write attributes specified while
  // creating a client" / "... while updating a client".
  it("refuses ReadAttributes and WriteAttributes the pool does not have", async () => {
    const created = await errorOf(
      t.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: "r",
          ReadAttributes: ["email", "custom:nope"],
        }),
      ),
    );
    expect(created).toMatchObject({
      name: "InvalidParameterException",
      message: "Invalid read attributes specified while creating a client",
    });
    const ok = await t.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: "w",
        ReadAttributes: ["email", "email_verified"],
        WriteAttributes: ["email", "name"],
      }),
    );
    const updated = await errorOf(
      t.client.send(
        new UpdateUserPoolClientCommand({
          UserPoolId,
          ClientId: ok.UserPoolClient?.ClientId ?? "",
          WriteAttributes: ["favourite_colour"],
        }),
      ),
    );
    expect(updated).toMatchObject({
      name: "InvalidParameterException",
      message: "Invalid write attributes specified while updating a client",
    });
  });

  it("refuses mixing legacy and ALLOW_ auth flows", async () => {
    const err = await errorOf(
      t.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: "x",
          ExplicitAuthFlows: ["USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"],
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
  });

  it("refuses client_credentials without a secret and unknown custom scopes", async () => {
    const noSecret = await errorOf(
      t.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: "m2m",
          AllowedOAuthFlows: ["client_credentials"],
          AllowedOAuthScopes: ["api/read"],
          AllowedOAuthFlowsUserPoolClient: true,
        }),
      ),
    );
    expect(noSecret.name).toBe("InvalidOAuthFlowException");
    const badScope = await errorOf(
      t.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: "m2m",
          GenerateSecret: true,
          AllowedOAuthFlows: ["client_credentials"],
          AllowedOAuthScopes: ["api/read"],
          AllowedOAuthFlowsUserPoolClient: true,
        }),
      ),
    );
    expect(badScope.name).toBe("ScopeDoesNotExistException");
    await t.client.send(
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: "api",
        Name: "API",
        Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }],
      }),
    );
    const ok = await t.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: "m2m",
        GenerateSecret: true,
        AllowedOAuthFlows: ["client_credentials"],
        AllowedOAuthScopes: ["api/read"],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    expect(ok.UserPoolClient?.AllowedOAuthScopes).toEqual(["api/read"]);
  });

  it("updates as a full replace, lists and deletes", async () => {
    const { UserPoolClient: c } = await t.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: "app",
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        CallbackURLs: ["http://localhost:3000/cb"],
      }),
    );
    const ClientId = c?.ClientId ?? "";
    const updated = await t.client.send(
      new UpdateUserPoolClientCommand({ UserPoolId, ClientId, ClientName: "app2", AccessTokenValidity: 2 }),
    );
    expect(updated.UserPoolClient?.ClientName).toBe("app2");
    expect(updated.UserPoolClient?.AccessTokenValidity).toBe(2);
    expect(updated.UserPoolClient?.CallbackURLs).toBeUndefined();
    expect(updated.UserPoolClient?.ExplicitAuthFlows).toEqual([
      "ALLOW_REFRESH_TOKEN_AUTH",
      "ALLOW_USER_SRP_AUTH",
      "ALLOW_CUSTOM_AUTH",
    ]);
    const listed = await t.client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60 }));
    expect(listed.UserPoolClients?.map((x) => x.ClientId)).toContain(ClientId);
    await t.client.send(new DeleteUserPoolClientCommand({ UserPoolId, ClientId }));
    const err = await errorOf(t.client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId })));
    expect(err.name).toBe("ResourceNotFoundException");
  });

  it("refuses an access token validity above one day", async () => {
    const err = await errorOf(
      t.client.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: "x",
          AccessTokenValidity: 2,
          TokenValidityUnits: { AccessToken: "days" },
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
  });
});
