import type { Operation } from "../operation";
import { CreateIdentityPool } from "./create-identity-pool";
import { DeleteIdentityPool } from "./delete-identity-pool";
import { DescribeIdentityPool } from "./describe-identity-pool";
import { GetCredentialsForIdentity } from "./get-credentials-for-identity";
import { GetId } from "./get-id";
import { GetIdentityPoolRoles } from "./get-identity-pool-roles";
import { GetOpenIdToken } from "./get-open-id-token";
import { GetOpenIdTokenForDeveloperIdentity } from "./get-open-id-token-for-developer-identity";
import { ListIdentityPools } from "./list-identity-pools";
import { LookupDeveloperIdentity } from "./lookup-developer-identity";
import { SetIdentityPoolRoles } from "./set-identity-pool-roles";
import { UpdateIdentityPool } from "./update-identity-pool";

/** Every supported cognito-identity operation by wire name. */
export const operations = {
  CreateIdentityPool,
  DeleteIdentityPool,
  DescribeIdentityPool,
  GetCredentialsForIdentity,
  GetId,
  GetIdentityPoolRoles,
  GetOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity,
  ListIdentityPools,
  LookupDeveloperIdentity,
  SetIdentityPoolRoles,
  UpdateIdentityPool,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

export function findOperation(name: string): Operation | undefined {
  return Object.hasOwn(operations, name) ? operations[name as OperationName] : undefined;
}
