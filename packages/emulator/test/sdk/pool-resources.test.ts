import {
  CreateGroupCommand,
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteGroupCommand,
  DeleteIdentityProviderCommand,
  DeleteResourceServerCommand,
  DeleteUserPoolDomainCommand,
  DescribeIdentityProviderCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetGroupCommand,
  GetIdentityProviderByIdentifierCommand,
  ListGroupsCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  UpdateGroupCommand,
  UpdateIdentityProviderCommand,
  UpdateResourceServerCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";

describe("groups, resource servers, domains and identity providers", () => {
  const t = useEmulator();
  let UserPoolId = "";
  beforeAll(async () => {
    UserPoolId =
      (await t.client.send(new CreateUserPoolCommand({ PoolName: "resources" }))).UserPool?.Id ?? "";
  });

  it("manages groups", async () => {
    const created = await t.client.send(
      new CreateGroupCommand({ UserPoolId, GroupName: "admins", Precedence: 1, Description: "Admins" }),
    );
    expect(created.Group?.CreationDate).toBeInstanceOf(Date);
    const dup = await errorOf(t.client.send(new CreateGroupCommand({ UserPoolId, GroupName: "admins" })));
    expect(dup.name).toBe("GroupExistsException");
    await t.client.send(new CreateGroupCommand({ UserPoolId, GroupName: "editors" }));
    await t.client.send(
      new UpdateGroupCommand({ UserPoolId, GroupName: "admins", Description: "All admins" }),
    );
    const got = await t.client.send(new GetGroupCommand({ UserPoolId, GroupName: "admins" }));
    expect(got.Group).toMatchObject({ Description: "All admins", Precedence: 1 });
    const page1 = await t.client.send(new ListGroupsCommand({ UserPoolId, Limit: 1 }));
    expect(page1.Groups?.map((g) => g.GroupName)).toEqual(["admins"]);
    const page2 = await t.client.send(
      new ListGroupsCommand({ UserPoolId, Limit: 1, NextToken: page1.NextToken }),
    );
    expect(page2.Groups?.map((g) => g.GroupName)).toEqual(["editors"]);
    await t.client.send(new DeleteGroupCommand({ UserPoolId, GroupName: "editors" }));
    const gone = await errorOf(t.client.send(new GetGroupCommand({ UserPoolId, GroupName: "editors" })));
    expect(gone.name).toBe("ResourceNotFoundException");
  });

  it("manages resource servers", async () => {
    await t.client.send(
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: "https://api.example.com",
        Name: "API",
        Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }],
      }),
    );
    await t.client.send(
      new UpdateResourceServerCommand({
        UserPoolId,
        Identifier: "https://api.example.com",
        Name: "API v2",
        Scopes: [
          { ScopeName: "read", ScopeDescription: "Read" },
          { ScopeName: "write", ScopeDescription: "Write" },
        ],
      }),
    );
    const d = await t.client.send(
      new DescribeResourceServerCommand({ UserPoolId, Identifier: "https://api.example.com" }),
    );
    expect(d.ResourceServer?.Scopes?.map((s) => s.ScopeName)).toEqual(["read", "write"]);
    const list = await t.client.send(new ListResourceServersCommand({ UserPoolId, MaxResults: 10 }));
    expect(list.ResourceServers).toHaveLength(1);
    await t.client.send(
      new DeleteResourceServerCommand({ UserPoolId, Identifier: "https://api.example.com" }),
    );
    const gone = await errorOf(
      t.client.send(new DescribeResourceServerCommand({ UserPoolId, Identifier: "https://api.example.com" })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
  });

  it("manages the pool domain; an unknown domain describes as empty", async () => {
    const empty = await t.client.send(new DescribeUserPoolDomainCommand({ Domain: "nobody-here" }));
    expect(empty.DomainDescription?.Status).toBeUndefined();
    await t.client.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: "myapp" }));
    const d = await t.client.send(new DescribeUserPoolDomainCommand({ Domain: "myapp" }));
    expect(d.DomainDescription).toMatchObject({ UserPoolId, Domain: "myapp", Status: "ACTIVE" });
    const pool = await t.client.send(new DescribeUserPoolCommand({ UserPoolId }));
    expect(pool.UserPool?.Domain).toBe("myapp");
    const bad = await errorOf(
      t.client.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: "Bad_Domain" })),
    );
    expect(bad.name).toBe("InvalidParameterException");
    await t.client.send(new DeleteUserPoolDomainCommand({ UserPoolId, Domain: "myapp" }));
    const after = await t.client.send(new DescribeUserPoolDomainCommand({ Domain: "myapp" }));
    expect(after.DomainDescription?.Status).toBeUndefined();
  });

  it("manages identity providers", async () => {
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { client_id: "id", client_secret: "secret", authorize_scopes: "openid email" },
        AttributeMapping: { email: "email" },
        IdpIdentifiers: ["gmail"],
      }),
    );
    const dup = await errorOf(
      t.client.send(
        new CreateIdentityProviderCommand({
          UserPoolId,
          ProviderName: "Google",
          ProviderType: "Google",
          ProviderDetails: { client_id: "id", client_secret: "secret", authorize_scopes: "openid" },
        }),
      ),
    );
    expect(dup.name).toBe("DuplicateProviderException");
    const missing = await errorOf(
      t.client.send(
        new CreateIdentityProviderCommand({
          UserPoolId,
          ProviderName: "Corp",
          ProviderType: "OIDC",
          ProviderDetails: {},
        }),
      ),
    );
    expect(missing.name).toBe("InvalidParameterException");
    await t.client.send(
      new UpdateIdentityProviderCommand({
        UserPoolId,
        ProviderName: "Google",
        AttributeMapping: { email: "email", name: "name" },
      }),
    );
    const d = await t.client.send(
      new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: "Google" }),
    );
    expect(d.IdentityProvider?.AttributeMapping).toEqual({ email: "email", name: "name" });
    const byId = await t.client.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId, IdpIdentifier: "gmail" }),
    );
    expect(byId.IdentityProvider?.ProviderName).toBe("Google");
    const list = await t.client.send(new ListIdentityProvidersCommand({ UserPoolId }));
    expect(list.Providers?.map((p) => p.ProviderName)).toEqual(["Google"]);
    await t.client.send(new DeleteIdentityProviderCommand({ UserPoolId, ProviderName: "Google" }));
    const gone = await errorOf(
      t.client.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: "Google" })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
  });
});
