import type { Operation } from "../operation";
import { AddCustomAttributes } from "./add-custom-attributes";
import { AdminAddUserToGroup } from "./admin-add-user-to-group";
import { AdminConfirmSignUp } from "./admin-confirm-sign-up";
import { AdminCreateUser } from "./admin-create-user";
import { AdminDeleteUser } from "./admin-delete-user";
import { AdminDeleteUserAttributes } from "./admin-delete-user-attributes";
import { AdminDisableUser } from "./admin-disable-user";
import { AdminEnableUser } from "./admin-enable-user";
import { AdminForgetDevice } from "./admin-forget-device";
import { AdminGetDevice } from "./admin-get-device";
import { AdminGetUser } from "./admin-get-user";
import { AdminInitiateAuth } from "./admin-initiate-auth";
import { AdminListDevices } from "./admin-list-devices";
import { AdminListGroupsForUser } from "./admin-list-groups-for-user";
import { AdminListUserAuthEvents } from "./admin-list-user-auth-events";
import { AdminRemoveUserFromGroup } from "./admin-remove-user-from-group";
import { AdminResetUserPassword } from "./admin-reset-user-password";
import { AdminRespondToAuthChallenge } from "./admin-respond-to-auth-challenge";
import { AdminSetUserMFAPreference } from "./admin-set-user-mfa-preference";
import { AdminSetUserPassword } from "./admin-set-user-password";
import { AdminUpdateAuthEventFeedback } from "./admin-update-auth-event-feedback";
import { AdminUpdateDeviceStatus } from "./admin-update-device-status";
import { AdminUpdateUserAttributes } from "./admin-update-user-attributes";
import { AdminUserGlobalSignOut } from "./admin-user-global-sign-out";
import { AssociateSoftwareToken } from "./associate-software-token";
import { ChangePassword } from "./change-password";
import { ConfirmDevice } from "./confirm-device";
import { ConfirmForgotPassword } from "./confirm-forgot-password";
import { ConfirmSignUp } from "./confirm-sign-up";
import { CreateGroup } from "./create-group";
import { CreateIdentityProvider } from "./create-identity-provider";
import { CreateResourceServer } from "./create-resource-server";
import { CreateUserPool } from "./create-user-pool";
import { CreateUserPoolClient } from "./create-user-pool-client";
import { CreateUserPoolDomain } from "./create-user-pool-domain";
import { DeleteGroup } from "./delete-group";
import { DeleteIdentityProvider } from "./delete-identity-provider";
import { DeleteResourceServer } from "./delete-resource-server";
import { DeleteUser } from "./delete-user";
import { DeleteUserAttributes } from "./delete-user-attributes";
import { DeleteUserPool } from "./delete-user-pool";
import { DeleteUserPoolClient } from "./delete-user-pool-client";
import { DeleteUserPoolDomain } from "./delete-user-pool-domain";
import { DescribeIdentityProvider } from "./describe-identity-provider";
import { DescribeResourceServer } from "./describe-resource-server";
import { DescribeRiskConfiguration } from "./describe-risk-configuration";
import { DescribeUserPool } from "./describe-user-pool";
import { DescribeUserPoolClient } from "./describe-user-pool-client";
import { DescribeUserPoolDomain } from "./describe-user-pool-domain";
import { ForgetDevice } from "./forget-device";
import { ForgotPassword } from "./forgot-password";
import { GetDevice } from "./get-device";
import { GetGroup } from "./get-group";
import { GetIdentityProviderByIdentifier } from "./get-identity-provider-by-identifier";
import { GetTokensFromRefreshToken } from "./get-tokens-from-refresh-token";
import { GetUser } from "./get-user";
import { GetUserAttributeVerificationCode } from "./get-user-attribute-verification-code";
import { GetUserPoolMfaConfig } from "./get-user-pool-mfa-config";
import { GlobalSignOut } from "./global-sign-out";
import { InitiateAuth } from "./initiate-auth";
import { ListDevices } from "./list-devices";
import { ListGroups } from "./list-groups";
import { ListIdentityProviders } from "./list-identity-providers";
import { ListResourceServers } from "./list-resource-servers";
import { ListUserPoolClients } from "./list-user-pool-clients";
import { ListUserPools } from "./list-user-pools";
import { ListUsers } from "./list-users";
import { ListUsersInGroup } from "./list-users-in-group";
import { ResendConfirmationCode } from "./resend-confirmation-code";
import { RespondToAuthChallenge } from "./respond-to-auth-challenge";
import { RevokeToken } from "./revoke-token";
import { SetRiskConfiguration } from "./set-risk-configuration";
import { SetUserMFAPreference } from "./set-user-mfa-preference";
import { SetUserPoolMfaConfig } from "./set-user-pool-mfa-config";
import { SignUp } from "./sign-up";
import { UpdateAuthEventFeedback } from "./update-auth-event-feedback";
import { UpdateDeviceStatus } from "./update-device-status";
import { UpdateGroup } from "./update-group";
import { UpdateIdentityProvider } from "./update-identity-provider";
import { UpdateResourceServer } from "./update-resource-server";
import { UpdateUserAttributes } from "./update-user-attributes";
import { UpdateUserPool } from "./update-user-pool";
import { UpdateUserPoolClient } from "./update-user-pool-client";
import { UpdateUserPoolDomain } from "./update-user-pool-domain";
import { VerifySoftwareToken } from "./verify-software-token";
import { VerifyUserAttribute } from "./verify-user-attribute";

/** Every supported cognito-idp operation by wire name; `keyof` is the supported list. */
export const operations = {
  ConfirmDevice,
  GetDevice,
  AdminGetDevice,
  ListDevices,
  AdminListDevices,
  UpdateDeviceStatus,
  AdminUpdateDeviceStatus,
  ForgetDevice,
  AdminForgetDevice,
  AdminListUserAuthEvents,
  AdminUpdateAuthEventFeedback,
  UpdateAuthEventFeedback,
  SetRiskConfiguration,
  DescribeRiskConfiguration,
  AddCustomAttributes,
  AdminAddUserToGroup,
  AdminConfirmSignUp,
  AdminCreateUser,
  AdminDeleteUser,
  AdminDeleteUserAttributes,
  AdminDisableUser,
  AdminEnableUser,
  AdminGetUser,
  AdminInitiateAuth,
  AdminListGroupsForUser,
  AdminRemoveUserFromGroup,
  AdminResetUserPassword,
  AdminRespondToAuthChallenge,
  AdminSetUserMFAPreference,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
  AdminUserGlobalSignOut,
  AssociateSoftwareToken,
  ChangePassword,
  ConfirmForgotPassword,
  ConfirmSignUp,
  CreateGroup,
  CreateIdentityProvider,
  CreateResourceServer,
  CreateUserPool,
  CreateUserPoolClient,
  CreateUserPoolDomain,
  DeleteGroup,
  DeleteIdentityProvider,
  DeleteResourceServer,
  DeleteUser,
  DeleteUserAttributes,
  DeleteUserPool,
  DeleteUserPoolClient,
  DeleteUserPoolDomain,
  DescribeIdentityProvider,
  DescribeResourceServer,
  DescribeUserPool,
  DescribeUserPoolClient,
  DescribeUserPoolDomain,
  ForgotPassword,
  GetGroup,
  GetTokensFromRefreshToken,
  GetIdentityProviderByIdentifier,
  GetUser,
  GetUserAttributeVerificationCode,
  GetUserPoolMfaConfig,
  GlobalSignOut,
  InitiateAuth,
  ListGroups,
  ListIdentityProviders,
  ListResourceServers,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  ListUsersInGroup,
  ResendConfirmationCode,
  RespondToAuthChallenge,
  RevokeToken,
  SetUserMFAPreference,
  SetUserPoolMfaConfig,
  SignUp,
  UpdateGroup,
  UpdateIdentityProvider,
  UpdateResourceServer,
  UpdateUserAttributes,
  UpdateUserPool,
  UpdateUserPoolClient,
  UpdateUserPoolDomain,
  VerifySoftwareToken,
  VerifyUserAttribute,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

export function findOperation(name: string): Operation | undefined {
  return Object.hasOwn(operations, name) ? operations[name as OperationName] : undefined;
}
