/** An IAM policy statement, written as AWS documents it. */
export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * A policy document as JSON (resource references inside are Terraform expressions, resolved at
 * apply). Indented on purpose: `cdktf synth --hcl` writes multi-line strings as heredocs, while it
 * leaves the quotes of a one-line string with `${...}` unescaped (invalid HCL).
 */
export function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
}

/**
 * A policy variable (`${aws:username}`, `${cognito-identity.amazonaws.com:sub}`) inside a Terraform
 * string. Terraform would read `${...}` as its own interpolation, so it is escaped as `$${...}`,
 * which Terraform turns back into the literal `${...}` that IAM evaluates.
 */
export function iamVariable(name: string): string {
  return `$\${${name}}`;
}
