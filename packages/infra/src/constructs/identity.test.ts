import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { describe, expect, it } from "vitest";
import type { PolicyStatement } from "../policy";
import { expectResource, ref, resourceWhere, synthStage } from "../test-support";

const local = synthStage("local");
const prod = synthStage("prod");

const poolEndpoint = ref(local, CognitoUserPool, {}, "endpoint");
const clientId = (name: string) =>
  ref(local, CognitoUserPoolClient, { name: `acme-notes-local-${name}` }, "id");
const identityPoolId = ref(local, CognitoIdentityPool, {}, "id");
const bucketArn = ref(local, S3Bucket, {}, "arn");

function statementsOf(roleName: string): PolicyStatement[] {
  const roleId = ref(local, IamRole, { name: roleName }, "id");
  return JSON.parse(resourceWhere(local, IamRolePolicy, { role: roleId }).policy as string).Statement;
}

function trustOf(roleName: string) {
  return JSON.parse(resourceWhere(local, IamRole, { name: roleName }).assume_role_policy as string).Statement;
}

describe("Identity: identity pool", () => {
  it("accepts ID tokens of the web and mobile clients, with server-side token checks", () => {
    expectResource(local, CognitoIdentityPool, {
      allow_classic_flow: false,
      cognito_identity_providers: [
        { provider_name: poolEndpoint, client_id: clientId("web"), server_side_token_check: true },
        { provider_name: poolEndpoint, client_id: clientId("mobile"), server_side_token_check: true },
      ],
    });
  });

  it("allows guests per stage: locally yes, in prod no", () => {
    expectResource(local, CognitoIdentityPool, { allow_unauthenticated_identities: true });
    expectResource(prod, CognitoIdentityPool, { allow_unauthenticated_identities: false });
    const prodRoles = resourceWhere(prod, CognitoIdentityPoolRolesAttachment, {}).roles as Record<
      string,
      string
    >;
    expect(Object.keys(prodRoles)).toEqual(["authenticated"]);
  });

  it("attaches the authenticated and guest roles, with a Token role mapping per client", () => {
    expectResource(local, CognitoIdentityPoolRolesAttachment, {
      identity_pool_id: identityPoolId,
      roles: {
        authenticated: ref(local, IamRole, { name: "acme-notes-local-identity-authenticated" }, "arn"),
        unauthenticated: ref(local, IamRole, { name: "acme-notes-local-identity-guest" }, "arn"),
      },
      role_mapping: [
        {
          identity_provider: `${poolEndpoint}:${clientId("web")}`,
          type: "Token",
          ambiguous_role_resolution: "AuthenticatedRole",
        },
        {
          identity_provider: `${poolEndpoint}:${clientId("mobile")}`,
          type: "Token",
          ambiguous_role_resolution: "AuthenticatedRole",
        },
      ],
    });
  });

  it("gives the admins group the admin role, which the Token mapping then issues", () => {
    expectResource(local, CognitoUserGroup, {
      name: "admins",
      role_arn: ref(local, IamRole, { name: "acme-notes-local-identity-admin" }, "arn"),
    });
    expect(resourceWhere(local, CognitoUserGroup, { name: "users" })).not.toHaveProperty("role_arn");
  });
});

describe("Identity: role trust", () => {
  it.each([
    ["acme-notes-local-identity-authenticated", "authenticated"],
    ["acme-notes-local-identity-admin", "authenticated"],
    ["acme-notes-local-identity-guest", "unauthenticated"],
  ])("%s trusts only this pool's %s identities", (role, amr) => {
    expect(trustOf(role)).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
        Condition: {
          StringEquals: { "cognito-identity.amazonaws.com:aud": identityPoolId },
          "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
        },
      },
    ]);
  });
});

describe("Identity: S3 policies", () => {
  // `$${...}` is Terraform's escape: IAM receives the literal policy variable.
  const own = "private/$${cognito-identity.amazonaws.com:sub}/*";

  it("lets a signed-in user read and write only private/<their identity ID>/*", () => {
    const statements = statementsOf("acme-notes-local-identity-authenticated");
    const writes = statements.filter((s) => [s.Action].flat().some((a) => /Put|Delete/.test(a)));
    expect(writes).toEqual([
      {
        Sid: "ReadWriteOwnFiles",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        Resource: `${bucketArn}/${own}`,
      },
    ]);
    expect(statements).toContainEqual({
      Sid: "ListOwnAndPublicFiles",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: bucketArn,
      Condition: { StringLike: { "s3:prefix": [own, "public/*"] } },
    });
  });

  it("lets a signed-in user abort their own multipart uploads, and nothing else multipart", () => {
    const actions = statementsOf("acme-notes-local-identity-authenticated").flatMap((s) => [s.Action].flat());
    const multipart = actions.filter((a) => /Multipart/.test(a));
    // PutObject covers Create/UploadPart/Complete; resuming (ListParts) is not part of the web app.
    expect(multipart).toEqual(["s3:AbortMultipartUpload"]);
    expect(actions).not.toContain("s3:ListMultipartUploadParts");
    expect(actions).not.toContain("s3:ListBucketMultipartUploads");
  });

  it("lets everyone, guests included, read and list public/*", () => {
    const publicRead = {
      Sid: "ReadPublicFiles",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `${bucketArn}/public/*`,
    };
    const publicList = {
      Sid: "ListPublicFiles",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: bucketArn,
      Condition: { StringLike: { "s3:prefix": "public/*" } },
    };
    expect(statementsOf("acme-notes-local-identity-guest")).toEqual([publicRead, publicList]);
    expect(statementsOf("acme-notes-local-identity-authenticated")).toContainEqual(publicRead);
  });

  it("escapes the identity variable so Terraform passes the literal IAM policy variable to IAM", () => {
    expect(local.json).toContain("private/$${cognito-identity.amazonaws.com:sub}/*");
    expect(local.json).not.toMatch(/[^$]\$\{cognito-identity/);
  });
});
