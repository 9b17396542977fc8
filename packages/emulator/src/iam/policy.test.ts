import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadStack } from "../stack";
import { conditionMatches, parseConditionOperator } from "./conditions";
import { wildcardToRegExp } from "./match";
import { type AuthorizationRequest, evaluatePolicies, MalformedPolicyError, parsePolicy } from "./policy";

// The policies infra deploys, read from the synthesized `local` stage (turbo synthesizes it first).
const repo = join(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
const POOL = "us-east-1:00000000-0000-4000-8000-000000000001";
// Bucket ARNs and names resolve to the bucket's own; the identity pool and roles to these.
const resolve = (type: string, name: string, attr: string): string | undefined => {
  if (type === "aws_cognito_identity_pool" && attr === "id") return POOL;
  if (type === "aws_iam_role") return `${name}-${attr}`;
  return undefined;
};
const stack = loadStack(join(repo, "packages/infra/cdktf.out/stacks/local"), {
  region: "us-east-1",
  accountId: "123456789012",
  origin: "http://127.0.0.1:9229",
  secretSeed: "policy-test",
  overrides: resolve,
});
const BUCKET = String(stack.buckets[0]?.bucket);
/** Terraform writes `$${...}` for a literal `${...}`; apply turns it back. */
const literalVars = (s: string) => s.replace(/\$\$\{/g, "${");

function rolePolicy(roleName: string) {
  const role = stack.iamRoles.find((r) => r.roleName === roleName);
  if (!role) throw new Error(`no role ${roleName}`);
  return {
    trust: parsePolicy(literalVars(String(role.trustPolicy))),
    policies: role.policies.map((p) => parsePolicy(literalVars(p))),
  };
}
const bucketPolicy = parsePolicy(literalVars(String(stack.buckets[0]?.policy)));

const ME = "us-east-1:11111111-1111-4111-8111-111111111111";
const OTHER = "us-east-1:22222222-2222-4222-8222-222222222222";
const arn = (key?: string) =>
  key === undefined ? `arn:aws:s3:::${BUCKET}` : `arn:aws:s3:::${BUCKET}/${key}`;
const req = (
  action: string,
  resource: string,
  context: AuthorizationRequest["context"] = {},
): AuthorizationRequest => ({
  action,
  resource,
  context: { "cognito-identity.amazonaws.com:sub": ME, "aws:SecureTransport": "true", ...context },
});

describe("IAM policies of the identity roles (synthesized local stage)", () => {
  const authenticated = rolePolicy("acme-notes-local-identity-authenticated").policies;
  const guest = rolePolicy("acme-notes-local-identity-guest").policies;
  const admin = rolePolicy("acme-notes-local-identity-admin").policies;

  it("lets a signed-in identity read, write and delete under its own private prefix", () => {
    for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
      expect(evaluatePolicies(authenticated, req(action, arn(`private/${ME}/notes/a.txt`))).decision).toBe(
        "Allow",
      );
    }
  });

  it("refuses another identity's prefix and the bucket root", () => {
    expect(evaluatePolicies(authenticated, req("s3:GetObject", arn(`private/${OTHER}/a.txt`))).decision).toBe(
      "ImplicitDeny",
    );
    expect(evaluatePolicies(authenticated, req("s3:PutObject", arn("a.txt"))).decision).toBe("ImplicitDeny");
    expect(evaluatePolicies(authenticated, req("s3:PutObject", arn("public/a.txt"))).decision).toBe(
      "ImplicitDeny",
    );
  });

  it("lists only with an s3:prefix inside the own or the public prefix", () => {
    const list = (prefix?: string) =>
      evaluatePolicies(
        authenticated,
        req("s3:ListBucket", arn(), prefix === undefined ? {} : { "s3:prefix": prefix }),
      ).decision;
    expect(list(`private/${ME}/`)).toBe("Allow");
    expect(list(`private/${ME}/photos/`)).toBe("Allow");
    expect(list("public/")).toBe("Allow");
    expect(list(`private/${OTHER}/`)).toBe("ImplicitDeny");
    expect(list("private/")).toBe("ImplicitDeny");
    expect(list(undefined)).toBe("ImplicitDeny");
  });

  it("does not let a '*' inside the identity ID widen the pattern", () => {
    const wild = { "cognito-identity.amazonaws.com:sub": "*" };
    expect(
      evaluatePolicies(authenticated, req("s3:GetObject", arn(`private/${OTHER}/a.txt`), wild)).decision,
    ).toBe("ImplicitDeny");
    expect(evaluatePolicies(authenticated, req("s3:GetObject", arn("private/*/a.txt"), wild)).decision).toBe(
      "Allow",
    );
  });

  it("matches nothing through a variable whose key is absent", () => {
    const r = { action: "s3:GetObject", resource: arn(`private/${ME}/a.txt`), context: {} };
    expect(evaluatePolicies(authenticated, r).decision).toBe("ImplicitDeny");
  });

  it("gives guests public reads and listings only", () => {
    expect(evaluatePolicies(guest, req("s3:GetObject", arn("public/readme.txt"))).decision).toBe("Allow");
    expect(evaluatePolicies(guest, req("s3:PutObject", arn("public/readme.txt"))).decision).toBe(
      "ImplicitDeny",
    );
    expect(evaluatePolicies(guest, req("s3:GetObject", arn(`private/${ME}/a.txt`))).decision).toBe(
      "ImplicitDeny",
    );
    expect(evaluatePolicies(guest, req("s3:ListBucket", arn(), { "s3:prefix": "public/" })).decision).toBe(
      "Allow",
    );
    expect(
      evaluatePolicies(guest, req("s3:ListBucket", arn(), { "s3:prefix": `private/${ME}/` })).decision,
    ).toBe("ImplicitDeny");
    expect(evaluatePolicies(guest, req("s3:ListBucket", arn())).decision).toBe("ImplicitDeny");
  });

  it("lets a signed-in identity abort its own multipart uploads only", () => {
    expect(
      evaluatePolicies(authenticated, req("s3:AbortMultipartUpload", arn(`private/${ME}/big.bin`))).decision,
    ).toBe("Allow");
    expect(
      evaluatePolicies(authenticated, req("s3:AbortMultipartUpload", arn(`private/${OTHER}/big.bin`)))
        .decision,
    ).toBe("ImplicitDeny");
  });

  it("lets admins read every file and list everything, but write only their own", () => {
    expect(evaluatePolicies(admin, req("s3:GetObject", arn(`private/${OTHER}/a.txt`))).decision).toBe(
      "Allow",
    );
    expect(evaluatePolicies(admin, req("s3:ListBucket", arn())).decision).toBe("Allow");
    expect(evaluatePolicies(admin, req("s3:PutObject", arn(`private/${OTHER}/a.txt`))).decision).toBe(
      "ImplicitDeny",
    );
  });

  it("treats action names case-insensitively", () => {
    expect(evaluatePolicies(authenticated, req("S3:getobject", arn(`private/${ME}/a.txt`))).decision).toBe(
      "Allow",
    );
  });

  it("denies every S3 action over plain HTTP through the bucket policy (explicit Deny wins)", () => {
    const all = [...authenticated, bucketPolicy];
    const insecure = req("s3:GetObject", arn(`private/${ME}/a.txt`), { "aws:SecureTransport": "false" });
    const result = evaluatePolicies(all, insecure);
    expect(result.decision).toBe("ExplicitDeny");
    expect(result.statement?.Sid).toBe("DenyInsecureTransport");
    expect(evaluatePolicies(all, req("s3:GetObject", arn(`private/${ME}/a.txt`))).decision).toBe("Allow");
  });

  it("trusts the pool's identities by aud and amr", () => {
    const trust = rolePolicy("acme-notes-local-identity-authenticated").trust;
    const assume = (amr: string[], aud = POOL) =>
      evaluatePolicies([trust], {
        action: "sts:AssumeRoleWithWebIdentity",
        resource: "*",
        principals: ["cognito-identity.amazonaws.com"],
        context: { "cognito-identity.amazonaws.com:aud": aud, "cognito-identity.amazonaws.com:amr": amr },
      }).decision;
    expect(assume(["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_x"])).toBe("Allow");
    expect(assume(["unauthenticated"])).toBe("ImplicitDeny");
    expect(assume(["authenticated"], "us-east-1:other")).toBe("ImplicitDeny");
  });
});

describe("policy evaluation rules", () => {
  const doc = (statement: unknown) => parsePolicy({ Version: "2012-10-17", Statement: statement });

  it("lets an explicit Deny override an Allow, in any order", () => {
    const allow = { Effect: "Allow", Action: "s3:*", Resource: "*" };
    const deny = { Effect: "Deny", Action: "s3:DeleteObject", Resource: "arn:aws:s3:::b/*" };
    const r = { action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", context: {} };
    expect(evaluatePolicies([doc([deny, allow])], r).decision).toBe("ExplicitDeny");
    expect(evaluatePolicies([doc(allow), doc(deny)], r).decision).toBe("ExplicitDeny");
    expect(evaluatePolicies([doc(allow)], r).decision).toBe("Allow");
    expect(evaluatePolicies([], r).decision).toBe("ImplicitDeny");
  });

  it("supports NotAction and NotResource", () => {
    const p = doc([
      { Effect: "Allow", NotAction: "s3:Delete*", Resource: "*" },
      { Effect: "Deny", Action: "*", NotResource: "arn:aws:s3:::b/*" },
    ]);
    expect(
      evaluatePolicies([p], { action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: {} }).decision,
    ).toBe("Allow");
    expect(
      evaluatePolicies([p], { action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k", context: {} })
        .decision,
    ).toBe("ImplicitDeny");
    expect(
      evaluatePolicies([p], { action: "s3:GetObject", resource: "arn:aws:s3:::c/k", context: {} }).decision,
    ).toBe("ExplicitDeny");
  });

  it("matches '?' as exactly one character and keeps resources case-sensitive", () => {
    expect(wildcardToRegExp("arn:aws:s3:::b/file?.txt", false).test("arn:aws:s3:::b/file1.txt")).toBe(true);
    expect(wildcardToRegExp("arn:aws:s3:::b/file?.txt", false).test("arn:aws:s3:::b/file12.txt")).toBe(false);
    expect(wildcardToRegExp("arn:aws:s3:::b/a.txt", false).test("arn:aws:s3:::b/A.txt")).toBe(false);
    expect(wildcardToRegExp("arn:aws:s3:::b/a.txt", false).test("arn:aws:s3:::b/aXtxt")).toBe(false);
  });

  it("applies the missing-key rules of each operator", () => {
    const op = (name: string) => {
      const parsed = parseConditionOperator(name);
      if (!parsed) throw new Error(name);
      return parsed;
    };
    expect(conditionMatches(op("StringEquals"), undefined, ["a"], {})).toBe(false);
    expect(conditionMatches(op("StringNotEquals"), undefined, ["a"], {})).toBe(true);
    expect(conditionMatches(op("StringNotEquals"), ["a"], ["a", "b"], {})).toBe(false);
    expect(conditionMatches(op("StringNotEquals"), ["c"], ["a", "b"], {})).toBe(true);
    expect(conditionMatches(op("StringEqualsIfExists"), undefined, ["a"], {})).toBe(true);
    expect(conditionMatches(op("ForAnyValue:StringLike"), undefined, ["a*"], {})).toBe(false);
    expect(conditionMatches(op("ForAllValues:StringLike"), undefined, ["a*"], {})).toBe(true);
    expect(conditionMatches(op("ForAllValues:StringLike"), ["ab", "ba"], ["a*"], {})).toBe(false);
    expect(conditionMatches(op("ForAnyValue:StringLike"), ["ab", "ba"], ["a*"], {})).toBe(true);
    expect(conditionMatches(op("Null"), undefined, ["true"], {})).toBe(true);
    expect(conditionMatches(op("Null"), ["x"], ["true"], {})).toBe(false);
    expect(conditionMatches(op("Null"), ["x"], ["false"], {})).toBe(true);
    expect(conditionMatches(op("Bool"), ["TRUE"], ["true"], {})).toBe(true);
    expect(conditionMatches(op("StringEqualsIgnoreCase"), ["ABC"], ["abc"], {})).toBe(true);
    expect(conditionMatches(op("StringEquals"), ["ABC"], ["abc"], {})).toBe(false);
  });

  it("compares numbers with the numeric operators, and never a value that is not one", () => {
    const op = (name: string) => {
      const parsed = parseConditionOperator(name);
      if (!parsed) throw new Error(name);
      return parsed;
    };
    expect(conditionMatches(op("NumericLessThan"), ["1.1"], ["1.2"], {})).toBe(true);
    expect(conditionMatches(op("NumericLessThan"), ["1.3"], ["1.2"], {})).toBe(false);
    expect(conditionMatches(op("NumericLessThan"), ["1.2"], ["1.2"], {})).toBe(false);
    expect(conditionMatches(op("NumericLessThanEquals"), ["1.2"], ["1.2"], {})).toBe(true);
    expect(conditionMatches(op("NumericGreaterThan"), ["10"], ["9"], {})).toBe(true);
    expect(conditionMatches(op("NumericGreaterThanEquals"), ["9"], ["10"], {})).toBe(false);
    expect(conditionMatches(op("NumericEquals"), ["5e1"], ["50"], {})).toBe(true);
    expect(conditionMatches(op("NumericNotEquals"), ["50"], ["50"], {})).toBe(false);
    expect(conditionMatches(op("NumericNotEquals"), ["51"], ["50"], {})).toBe(true);
    expect(conditionMatches(op("NumericLessThan"), ["abc"], ["1.2"], {})).toBe(false);
    expect(conditionMatches(op("NumericLessThan"), undefined, ["1.2"], {})).toBe(false);
    expect(conditionMatches(op("NumericLessThanIfExists"), undefined, ["1.2"], {})).toBe(true);
  });

  it("denies an S3 request below a TLS floor and allows one above it", () => {
    const p = parsePolicy({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        {
          Sid: "DenyOutdatedTls",
          Effect: "Deny",
          Action: "s3:*",
          Resource: "*",
          Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
      ],
    });
    const at = (tls: string) =>
      evaluatePolicies([p], {
        action: "s3:GetObject",
        resource: "arn:aws:s3:::b/k",
        context: { "s3:TlsVersion": tls },
      }).decision;
    expect(at("1.3")).toBe("Allow");
    expect(at("1.0")).toBe("ExplicitDeny");
  });

  it("reads condition key names case-insensitively", () => {
    const p = doc({
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: "*",
      Condition: { StringEquals: { "S3:Prefix": "x/" } },
    });
    expect(
      evaluatePolicies([p], {
        action: "s3:ListBucket",
        resource: "arn:aws:s3:::b",
        context: { "s3:prefix": "x/" },
      }).decision,
    ).toBe("Allow");
  });

  it("matches Principal in resource policies", () => {
    const p = doc({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::1:role/r" },
      Action: "s3:*",
      Resource: "*",
    });
    const r = (principals: string[]) => ({
      action: "s3:GetObject",
      resource: "arn:aws:s3:::b/k",
      principals,
      context: {},
    });
    expect(evaluatePolicies([p], r(["arn:aws:iam::1:role/r"])).decision).toBe("Allow");
    expect(evaluatePolicies([p], r(["arn:aws:iam::1:role/other"])).decision).toBe("ImplicitDeny");
  });

  it("refuses malformed policies and unsupported operators instead of guessing", () => {
    expect(() => parsePolicy("{not json")).toThrow(MalformedPolicyError);
    expect(() => parsePolicy({ Statement: [{ Effect: "Maybe", Action: "*" }] })).toThrow(
      MalformedPolicyError,
    );
    expect(() => parsePolicy({ Statement: [{ Effect: "Allow", Resource: "*" }] })).toThrow(
      MalformedPolicyError,
    );
    expect(() =>
      parsePolicy({
        Statement: {
          Effect: "Allow",
          Action: "*",
          Condition: { DateGreaterThan: { "aws:CurrentTime": "x" } },
        },
      }),
    ).toThrow(/Unsupported condition operator DateGreaterThan/);
  });
});
