/**
 * IAM policy documents: parsing (zod) and evaluation as IAM does it for one account: an explicit
 * `Deny` wins, then an `Allow`, else the request is implicitly denied.
 *
 * Supported: `Action`/`NotAction` (case-insensitive, `*` and `?`), `Resource`/`NotResource` (ARN
 * wildcards, case-sensitive), `Principal` (`*` or ARNs, for resource policies), policy variables
 * (`${cognito-identity.amazonaws.com:sub}`, `${*}`, `${?}`, `${$}`), and the condition operators
 * listed in `conditions.ts`. A policy using an operator outside that list is refused when it is
 * parsed, so nothing is ever allowed by a condition the evaluator does not understand.
 *
 * @module
 */
import { z } from "zod";
import { conditionMatches, parseConditionOperator } from "./conditions";
import { type ConditionContext, lookupKey, substituteVariables, wildcardToRegExp } from "./match";

const StringOrList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const ConditionBlock = z.record(
  z.string(),
  z.record(
    z.string(),
    z
      .union([z.string(), z.boolean(), z.number(), z.array(z.union([z.string(), z.boolean(), z.number()]))])
      .transform((v) => (Array.isArray(v) ? v : [v]).map(String)),
  ),
);

const Principal = z.union([z.literal("*"), z.record(z.string(), StringOrList)]);

const Statement = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(["Allow", "Deny"]),
    Principal: Principal.optional(),
    NotPrincipal: Principal.optional(),
    Action: StringOrList.optional(),
    NotAction: StringOrList.optional(),
    Resource: StringOrList.optional(),
    NotResource: StringOrList.optional(),
    Condition: ConditionBlock.optional(),
  })
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
    message: "a statement has exactly one of Action and NotAction",
  })
  .refine((s) => !(s.Resource !== undefined && s.NotResource !== undefined), {
    message: "a statement has at most one of Resource and NotResource",
  });

const Document = z.object({
  Version: z.string().optional(),
  Id: z.string().optional(),
  Statement: z.union([Statement, z.array(Statement)]).transform((v) => (Array.isArray(v) ? v : [v])),
});

export type PolicyStatement = z.output<typeof Statement>;
export type PolicyDocument = z.output<typeof Document>;

/** A policy document that is not valid JSON, not a policy, or uses something the evaluator lacks. */
export class MalformedPolicyError extends Error {
  override name = "MalformedPolicyError";
}

/** Parses a policy document (a JSON string or an object) and checks every condition operator. */
export function parsePolicy(source: string | unknown): PolicyDocument {
  let json: unknown = source;
  if (typeof source === "string") {
    try {
      json = JSON.parse(source);
    } catch (err) {
      throw new MalformedPolicyError("Policy document is not valid JSON", { cause: err });
    }
  }
  const parsed = Document.safeParse(json);
  if (!parsed.success) throw new MalformedPolicyError(`Invalid policy document: ${parsed.error.message}`);
  for (const statement of parsed.data.Statement) {
    for (const operator of Object.keys(statement.Condition ?? {})) {
      if (!parseConditionOperator(operator)) {
        throw new MalformedPolicyError(`Unsupported condition operator ${operator}`);
      }
    }
  }
  return parsed.data;
}

/** What is asked: who, which action on which resource, with which condition keys. */
export interface AuthorizationRequest {
  /** e.g. `s3:GetObject`. */
  action: string;
  /** e.g. `arn:aws:s3:::bucket/key`. */
  resource: string;
  /** ARNs of the caller (role ARN, assumed-role session ARN), for `Principal` in resource policies. */
  principals?: string[];
  /** Condition keys (`s3:prefix`, `aws:SecureTransport`, `cognito-identity.amazonaws.com:sub`, ...). */
  context: ConditionContext;
}

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface EvaluationResult {
  decision: Decision;
  /** The statement that decided (the first matching Deny, or the first matching Allow). */
  statement?: PolicyStatement;
}

function matchesAny(patterns: string[], value: string, caseInsensitive: boolean): boolean {
  return patterns.some((p) => wildcardToRegExp(p, caseInsensitive).test(value));
}

function resourceMatches(patterns: string[], request: AuthorizationRequest): boolean {
  return patterns.some((pattern) => {
    const substituted = substituteVariables(pattern, request.context, true);
    // A variable whose key is absent makes that resource entry match nothing.
    return substituted !== undefined && wildcardToRegExp(substituted, false).test(request.resource);
  });
}

function principalMatches(principal: PolicyStatement["Principal"], request: AuthorizationRequest): boolean {
  if (principal === undefined || principal === "*") return true;
  const callers = request.principals ?? [];
  return Object.values(principal).some((values) => values.some((v) => v === "*" || callers.includes(v)));
}

/** Whether one statement applies to the request (its Effect aside). */
export function statementMatches(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  if (statement.Action && !matchesAny(statement.Action, request.action, true)) return false;
  if (statement.NotAction && matchesAny(statement.NotAction, request.action, true)) return false;
  if (statement.Resource && !resourceMatches(statement.Resource, request)) return false;
  if (statement.NotResource && resourceMatches(statement.NotResource, request)) return false;
  if (statement.Principal !== undefined && !principalMatches(statement.Principal, request)) return false;
  if (statement.NotPrincipal !== undefined && principalMatches(statement.NotPrincipal, request)) return false;
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    const op = parseConditionOperator(operator);
    if (!op) return false;
    for (const [key, values] of Object.entries(keys)) {
      if (!conditionMatches(op, lookupKey(request.context, key), values, request.context)) return false;
    }
  }
  return true;
}

/**
 * Evaluates every statement of every policy (identity and resource policies of one account
 * together): any matching Deny → `ExplicitDeny`; else any matching Allow → `Allow`; else
 * `ImplicitDeny`.
 */
export function evaluatePolicies(
  policies: readonly PolicyDocument[],
  request: AuthorizationRequest,
): EvaluationResult {
  let allow: PolicyStatement | undefined;
  for (const policy of policies) {
    for (const statement of policy.Statement) {
      if (!statementMatches(statement, request)) continue;
      if (statement.Effect === "Deny") return { decision: "ExplicitDeny", statement };
      allow ??= statement;
    }
  }
  return allow ? { decision: "Allow", statement: allow } : { decision: "ImplicitDeny" };
}
