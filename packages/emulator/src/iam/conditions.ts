/**
 * Condition operators (string, ARN, numeric, `Bool`, `Null`). Within one key the policy's values are ORed; a negated operator
 * (`StringNotEquals`, `StringNotLike`) holds when the request's value matches none of them.
 * Missing keys: a positive operator is false, a negated one true; `...IfExists` makes an absent
 * key true; `ForAnyValue:` is false and `ForAllValues:` true on an absent key; `Null` tests absence.
 */
import { type ConditionContext, substituteVariables, wildcardToRegExp } from "./match";

type BaseOperator =
  | "StringEquals"
  | "StringNotEquals"
  | "StringEqualsIgnoreCase"
  | "StringNotEqualsIgnoreCase"
  | "StringLike"
  | "StringNotLike"
  | "ArnEquals"
  | "ArnLike"
  | "ArnNotEquals"
  | "ArnNotLike"
  | "NumericEquals"
  | "NumericNotEquals"
  | "NumericLessThan"
  | "NumericLessThanEquals"
  | "NumericGreaterThan"
  | "NumericGreaterThanEquals"
  | "Bool"
  | "Null";

const BASE_OPERATORS: ReadonlySet<string> = new Set<BaseOperator>([
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "Bool",
  "Null",
]);

export interface ConditionOperator {
  base: BaseOperator;
  set?: "ForAnyValue" | "ForAllValues";
  ifExists: boolean;
}

/** `ForAnyValue:StringLike`, `StringEqualsIfExists`, ... → its parts; undefined when unsupported. */
export function parseConditionOperator(name: string): ConditionOperator | undefined {
  const m = /^(?:(ForAnyValue|ForAllValues):)?([A-Za-z]+?)(IfExists)?$/.exec(name);
  if (!m || !BASE_OPERATORS.has(m[2] as string)) return undefined;
  const base = m[2] as BaseOperator;
  if (base === "Null" && (m[1] || m[3])) return undefined;
  return {
    base,
    ...(m[1] ? { set: m[1] as "ForAnyValue" | "ForAllValues" } : {}),
    ifExists: m[3] !== undefined,
  };
}

const NEGATED: ReadonlySet<BaseOperator> = new Set([
  "StringNotEquals",
  "StringNotEqualsIgnoreCase",
  "StringNotLike",
  "ArnNotEquals",
  "ArnNotLike",
  "NumericNotEquals",
]);

/** A numeric condition value (`1.2`, `-3`, `5e2`); anything else matches no numeric operator. */
function numberOf(text: string): number | undefined {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

function compareNumbers(base: BaseOperator, actual: string, expected: string): boolean {
  const a = numberOf(actual);
  const e = numberOf(expected);
  if (a === undefined || e === undefined) return false;
  switch (base) {
    case "NumericLessThan":
      return a < e;
    case "NumericLessThanEquals":
      return a <= e;
    case "NumericGreaterThan":
      return a > e;
    case "NumericGreaterThanEquals":
      return a >= e;
    default:
      return a === e;
  }
}

/** Does one request value satisfy one policy value (positive form of the operator)? */
function valueMatches(
  base: BaseOperator,
  actual: string,
  expected: string,
  context: ConditionContext,
): boolean {
  switch (base) {
    case "StringEquals":
    case "StringNotEquals":
    case "ArnEquals":
    case "ArnNotEquals": {
      const v = substituteVariables(expected, context, false);
      return v !== undefined && v === actual;
    }
    case "StringEqualsIgnoreCase":
    case "StringNotEqualsIgnoreCase": {
      const v = substituteVariables(expected, context, false);
      return v !== undefined && v.toLowerCase() === actual.toLowerCase();
    }
    case "StringLike":
    case "StringNotLike":
    case "ArnLike":
    case "ArnNotLike": {
      const v = substituteVariables(expected, context, true);
      return v !== undefined && wildcardToRegExp(v, false).test(actual);
    }
    case "NumericEquals":
    case "NumericNotEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals": {
      const v = substituteVariables(expected, context, false);
      return v !== undefined && compareNumbers(base, actual, v);
    }
    case "Bool":
      return actual.toLowerCase() === expected.toLowerCase();
    case "Null":
      return false;
  }
}

/** Evaluates one `operator: { key: values }` entry against the request's values of `key`. */
export function conditionMatches(
  op: ConditionOperator,
  actual: readonly string[] | undefined,
  expected: readonly string[],
  context: ConditionContext,
): boolean {
  if (op.base === "Null") {
    const absent = actual === undefined || actual.length === 0;
    return expected.some((e) => (e.toLowerCase() === "true") === absent);
  }
  const negated = NEGATED.has(op.base);
  const anyMatch = (value: string) => expected.some((e) => valueMatches(op.base, value, e, context));
  if (actual === undefined || actual.length === 0) {
    if (op.set === "ForAllValues") return true;
    if (op.set === "ForAnyValue") return false;
    return op.ifExists || negated;
  }
  if (op.set === "ForAnyValue") {
    return negated ? actual.some((v) => !anyMatch(v)) : actual.some(anyMatch);
  }
  if (op.set === "ForAllValues") {
    return negated ? actual.every((v) => !anyMatch(v)) : actual.every(anyMatch);
  }
  // A single-valued operator on a multi-valued key: true when any value satisfies it.
  return negated ? !actual.some(anyMatch) : actual.some(anyMatch);
}
