import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { iamVariable, type PolicyStatement, policyDocument } from "../policy";
import type { Auth } from "./auth";

export interface IdentityProps {
  prefix: string;
  auth: Auth;
  /** Per stage: may visitors without a sign-in get the unauthenticated role? */
  guestAccess: boolean;
  filesBucketArn: string;
  /** Terraform refuses any plan that deletes or replaces the identity pool (identity IDs would change). */
  preventDestroy: boolean;
}

/** The identity ID of the caller, as IAM sees it in a policy (`${cognito-identity.amazonaws.com:sub}`). */
export const identitySub = iamVariable("cognito-identity.amazonaws.com:sub");

/**
 * Identity pool bound to the web and mobile clients; IAM roles for signed-in users, guests and
 * admins (trust: this pool's `aud` and the `amr` of the kind of identity); a Token role mapping so
 * the `admins` group's role (`cognito:preferred_role`) is the one issued to admins.
 */
export class Identity extends Construct {
  readonly pool: CognitoIdentityPool;
  readonly authenticatedRole: IamRole;
  readonly unauthenticatedRole: IamRole;
  readonly adminRole: IamRole;
  readonly rolesAttachment: CognitoIdentityPoolRolesAttachment;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const { auth, prefix, filesBucketArn } = props;

    this.pool = new CognitoIdentityPool(this, "pool", {
      identityPoolName: `${prefix.replace(/-/g, "_")}_identities`,
      allowUnauthenticatedIdentities: props.guestAccess,
      allowClassicFlow: false,
      lifecycle: { preventDestroy: props.preventDestroy },
      cognitoIdentityProviders: [auth.webClient, auth.mobileClient].map((client) => ({
        providerName: auth.userPool.endpoint,
        clientId: client.id,
        serverSideTokenCheck: true,
      })),
    });

    const readPublic: PolicyStatement = {
      Sid: "ReadPublicFiles",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `${filesBucketArn}/public/*`,
    };
    // Guests list public/ only (the Files page shows it to visitors who are not signed in).
    const listPublic: PolicyStatement = {
      Sid: "ListPublicFiles",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: filesBucketArn,
      Condition: { StringLike: { "s3:prefix": "public/*" } },
    };
    const ownFiles: PolicyStatement[] = [
      {
        Sid: "ReadWriteOwnFiles",
        Effect: "Allow",
        // PutObject covers CreateMultipartUpload, UploadPart and CompleteMultipartUpload; a
        // browser that gives up on a multipart upload must also abort it, or its parts stay
        // stored (and billed). ListMultipartUploadParts (ListParts, to resume an upload after a
        // page load) is not granted: the web app never resumes, it starts again.
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        Resource: `${filesBucketArn}/private/${identitySub}/*`,
      },
      {
        Sid: "ListOwnAndPublicFiles",
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: filesBucketArn,
        Condition: { StringLike: { "s3:prefix": [`private/${identitySub}/*`, "public/*"] } },
      },
      readPublic,
    ];

    this.authenticatedRole = this.role("authenticated", `${prefix}-identity-authenticated`, "authenticated", [
      ...ownFiles,
    ]);
    this.unauthenticatedRole = this.role("unauthenticated", `${prefix}-identity-guest`, "unauthenticated", [
      readPublic,
      listPublic,
    ]);
    this.adminRole = this.role("admin", `${prefix}-identity-admin`, "authenticated", [
      ...ownFiles,
      {
        Sid: "AdminReadAllFiles",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:ListBucket"],
        Resource: [filesBucketArn, `${filesBucketArn}/*`],
      },
    ]);
    auth.groups.admins.roleArn = this.adminRole.arn;

    this.rolesAttachment = new CognitoIdentityPoolRolesAttachment(this, "roles", {
      identityPoolId: this.pool.id,
      roles: {
        authenticated: this.authenticatedRole.arn,
        ...(props.guestAccess ? { unauthenticated: this.unauthenticatedRole.arn } : {}),
      },
      roleMapping: [auth.webClient, auth.mobileClient].map((client) => ({
        identityProvider: `${auth.userPool.endpoint}:${client.id}`,
        type: "Token",
        ambiguousRoleResolution: "AuthenticatedRole",
      })),
    });
  }

  private role(
    id: string,
    name: string,
    amr: "authenticated" | "unauthenticated",
    statements: PolicyStatement[],
  ) {
    const role = new IamRole(this, `${id}-role`, {
      name,
      assumeRolePolicy: policyDocument([
        {
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
          Condition: {
            StringEquals: { "cognito-identity.amazonaws.com:aud": this.pool.id },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
          },
        },
      ]),
    });
    new IamRolePolicy(this, `${id}-policy`, {
      name: "files",
      role: role.id,
      policy: policyDocument(statements),
    });
    return role;
  }
}
