export { type ConditionContext, wildcardToRegExp } from "./match";
export {
  type AuthorizationRequest,
  type Decision,
  type EvaluationResult,
  evaluatePolicies,
  MalformedPolicyError,
  type PolicyDocument,
  type PolicyStatement,
  parsePolicy,
  statementMatches,
} from "./policy";
export { type IamRole, type IamRoleInput, IamRoleStore, iamRolesOf } from "./roles";
