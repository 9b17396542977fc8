import type { Operation } from "../operation";
import { CreateUserPool } from "./create-user-pool";
import { DeleteUserPool } from "./delete-user-pool";
import { DescribeUserPool } from "./describe-user-pool";
import { GetUserPoolMfaConfig } from "./get-user-pool-mfa-config";
import { ListUserPools } from "./list-user-pools";
import { SetUserPoolMfaConfig } from "./set-user-pool-mfa-config";
import { UpdateUserPool } from "./update-user-pool";

/** Every supported cognito-idp operation by wire name; `keyof` is the supported list. */
export const operations = {
  CreateUserPool,
  DeleteUserPool,
  DescribeUserPool,
  GetUserPoolMfaConfig,
  ListUserPools,
  SetUserPoolMfaConfig,
  UpdateUserPool,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

export function findOperation(name: string): Operation | undefined {
  return Object.hasOwn(operations, name) ? operations[name as OperationName] : undefined;
}
