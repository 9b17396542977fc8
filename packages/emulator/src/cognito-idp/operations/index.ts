import type { Operation } from "../operation";
import { CreateGroup } from "./create-group";
import { CreateIdentityProvider } from "./create-identity-provider";
import { CreateResourceServer } from "./create-resource-server";
import { CreateUserPool } from "./create-user-pool";
import { CreateUserPoolClient } from "./create-user-pool-client";
import { CreateUserPoolDomain } from "./create-user-pool-domain";
import { DeleteGroup } from "./delete-group";
import { DeleteIdentityProvider } from "./delete-identity-provider";
import { DeleteResourceServer } from "./delete-resource-server";
import { DeleteUserPool } from "./delete-user-pool";
import { DeleteUserPoolClient } from "./delete-user-pool-client";
import { DeleteUserPoolDomain } from "./delete-user-pool-domain";
import { DescribeIdentityProvider } from "./describe-identity-provider";
import { DescribeResourceServer } from "./describe-resource-server";
import { DescribeUserPool } from "./describe-user-pool";
import { DescribeUserPoolClient } from "./describe-user-pool-client";
import { DescribeUserPoolDomain } from "./describe-user-pool-domain";
import { GetGroup } from "./get-group";
import { GetIdentityProviderByIdentifier } from "./get-identity-provider-by-identifier";
import { GetUserPoolMfaConfig } from "./get-user-pool-mfa-config";
import { ListGroups } from "./list-groups";
import { ListIdentityProviders } from "./list-identity-providers";
import { ListResourceServers } from "./list-resource-servers";
import { ListUserPoolClients } from "./list-user-pool-clients";
import { ListUserPools } from "./list-user-pools";
import { SetUserPoolMfaConfig } from "./set-user-pool-mfa-config";
import { UpdateGroup } from "./update-group";
import { UpdateIdentityProvider } from "./update-identity-provider";
import { UpdateResourceServer } from "./update-resource-server";
import { UpdateUserPool } from "./update-user-pool";
import { UpdateUserPoolClient } from "./update-user-pool-client";
import { UpdateUserPoolDomain } from "./update-user-pool-domain";

/** Every supported cognito-idp operation by wire name; `keyof` is the supported list. */
export const operations = {
  CreateGroup,
  CreateIdentityProvider,
  CreateResourceServer,
  CreateUserPool,
  CreateUserPoolClient,
  CreateUserPoolDomain,
  DeleteGroup,
  DeleteIdentityProvider,
  DeleteResourceServer,
  DeleteUserPool,
  DeleteUserPoolClient,
  DeleteUserPoolDomain,
  DescribeIdentityProvider,
  DescribeResourceServer,
  DescribeUserPool,
  DescribeUserPoolClient,
  DescribeUserPoolDomain,
  GetGroup,
  GetIdentityProviderByIdentifier,
  GetUserPoolMfaConfig,
  ListGroups,
  ListIdentityProviders,
  ListResourceServers,
  ListUserPoolClients,
  ListUserPools,
  SetUserPoolMfaConfig,
  UpdateGroup,
  UpdateIdentityProvider,
  UpdateResourceServer,
  UpdateUserPool,
  UpdateUserPoolClient,
  UpdateUserPoolDomain,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

export function findOperation(name: string): Operation | undefined {
  return Object.hasOwn(operations, name) ? operations[name as OperationName] : undefined;
}
