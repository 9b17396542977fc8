import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { inputMembers, nestedMembers, type ServiceName } from "../aws-model/model";
import { operations as identityOperations } from "../cognito-identity/operations";
import { operations as idpOperations } from "../cognito-idp/operations";
import { readLedger, refusalMessage, refusedMembers } from "./ledger";
import { schemaKeys } from "./schema-keys";
import { coverageTable } from "./table";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
const served: Record<ServiceName, Record<string, { schema: import("zod").ZodType }>> = {
  "cognito-idp": idpOperations,
  "cognito-identity": identityOperations,
};

describe.each(Object.keys(served) as ServiceName[])("the %s settings ledger", (service) => {
  const ledger = readLedger(service) ?? {};

  it("has a verdict for every input member of every served operation, and nothing else", () => {
    const problems: string[] = [];
    for (const operation of Object.keys(served[service])) {
      const members = inputMembers(service, operation);
      if (!members) {
        problems.push(`${operation}: not in the AWS model`);
        continue;
      }
      const entries = ledger[operation] ?? {};
      for (const m of members) if (!entries[m]) problems.push(`${operation}.${m}: no verdict`);
      for (const path of Object.keys(entries)) {
        const parts = path.split(".");
        const last = parts.pop() ?? "";
        const known = parts.length === 0 ? members : nestedMembers(service, operation, parts.join("."));
        if (!known?.includes(last))
          problems.push(`${operation}.${path}: not an input member in the AWS model`);
      }
    }
    for (const operation of Object.keys(ledger)) {
      if (!served[service][operation]) problems.push(`${operation}: in the ledger but not served`);
    }
    expect(problems).toEqual([]);
  });

  it("refuses every member the operation's schema does not read (it would be dropped silently)", () => {
    const silent: string[] = [];
    for (const [operation, op] of Object.entries(served[service])) {
      for (const [path, entry] of Object.entries(ledger[operation] ?? {})) {
        if (entry.verdict !== "honoured") continue;
        const parts = path.split(".");
        const last = parts.pop() ?? "";
        const declared = schemaKeys(op.schema, parts);
        // `undefined`: that part of the schema takes any key (a record), so it cannot drop one.
        if (declared && !declared.includes(last)) silent.push(`${operation}.${path}`);
      }
    }
    expect(silent).toEqual([]);
  });

  it("names, for each honoured member, a test that exists and exercises it or its operation", () => {
    const unproven: string[] = [];
    for (const [operation, entries] of Object.entries(ledger)) {
      for (const [path, entry] of Object.entries(entries)) {
        if (entry.verdict !== "honoured") continue;
        const file = `${packageRoot}${entry.test}`;
        const text = existsSync(file) ? readFileSync(file, "utf8") : "";
        const member = path.split(".").pop() ?? path;
        const names = [member, `${operation}Command`, `"${operation}"`];
        if (!names.some((n) => text.includes(n))) unproven.push(`${operation}.${path} → ${entry.test}`);
      }
    }
    expect(unproven).toEqual([]);
  });
});

describe("refusals at the front door", () => {
  it("finds refused members and nested paths, except null and allowed values", () => {
    expect(
      refusedMembers("cognito-idp", "CreateUserPoolClient", {
        AnalyticsConfiguration: { ApplicationId: "a" },
      }),
    ).toEqual(["AnalyticsConfiguration"]);
    expect(refusedMembers("cognito-idp", "CreateUserPoolClient", { AnalyticsConfiguration: null })).toEqual(
      [],
    );
    expect(
      refusedMembers("cognito-idp", "CreateUserPool", {
        LambdaConfig: { KMSKeyID: "arn:x", UserMigration: "arn:y" },
      }),
    ).toEqual(["LambdaConfig.KMSKeyID"]);
    expect(
      refusedMembers("cognito-idp", "CreateUserPool", {
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD"] } },
      }),
    ).toEqual([]);
    expect(
      refusedMembers("cognito-idp", "CreateUserPool", {
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } },
      }),
    ).toEqual(["Policies.SignInPolicy"]);
    expect(refusedMembers("cognito-idp", "CreateUserPoolDomain", { ManagedLoginVersion: 1 })).toEqual([]);
    expect(refusedMembers("cognito-idp", "CreateUserPoolDomain", { ManagedLoginVersion: 2 })).toEqual([
      "ManagedLoginVersion",
    ]);
    expect(refusalMessage("CreateUserPool", ["KeyConfiguration"])).toMatch(
      /^CreateUserPool: KeyConfiguration is not supported by the local emulator yet/,
    );
  });
});

describe("docs/emulator-coverage.md", () => {
  it("is the table generated from the ledger (run scripts/ledger-table.ts after changing it)", () => {
    const doc = readFileSync(
      fileURLToPath(new URL("../../../../docs/emulator-coverage.md", import.meta.url)),
      "utf8",
    );
    expect(doc).toBe(coverageTable());
  });
});
