export { identityPoolIdFor } from "../stack/local-values";
export { CognitoIdentityError } from "./errors";
export { applyIdentityResources, type IdentityResources, identityResourcesOf } from "./from-stack";
export { type VerifiedLogin, verifyLogins } from "./logins";
export { OPENID_ISSUER } from "./openid";
export { findOperation, type OperationName, operations } from "./operations";
export { mountCognitoIdentity, TARGET_PREFIX } from "./router";
export {
  type CredentialRecord,
  type IdentityPoolRecord,
  type IdentityRecord,
  IdentityStore,
  identityStoreOf,
  type PoolRolesRecord,
  type RoleMappingRecord,
} from "./store";
