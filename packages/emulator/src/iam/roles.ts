import type Database from "better-sqlite3";
import type { Store } from "../store/store";
import { type PolicyDocument, parsePolicy } from "./policy";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS iam_roles (arn TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL);
`;

/** An IAM role as the emulator keeps it: its trust policy and its inline policies. */
export interface IamRole {
  arn: string;
  name: string;
  /** Who may assume it (`sts:AssumeRoleWithWebIdentity` for identity pools); none: not checked. */
  trustPolicy?: PolicyDocument;
  policies: PolicyDocument[];
}

/** Input form: policy documents as JSON text (as Terraform has them) or objects. */
export interface IamRoleInput {
  arn: string;
  name?: string;
  trustPolicy?: string | object;
  policies: (string | object)[];
}

/** The IAM roles the identity pools hand out and S3 evaluates, in the emulator's database. */
export class IamRoleStore {
  private readonly db: Database.Database;
  constructor(store: Store) {
    this.db = store.db;
    this.db.exec(SCHEMA);
  }

  /** Stores (or replaces) a role; malformed or unsupported policies throw `MalformedPolicyError`. */
  putRole(input: IamRoleInput): IamRole {
    const role: IamRole = {
      arn: input.arn,
      name: input.name ?? input.arn.slice(input.arn.lastIndexOf("/") + 1),
      ...(input.trustPolicy !== undefined ? { trustPolicy: parsePolicy(input.trustPolicy) } : {}),
      policies: input.policies.map((p) => parsePolicy(p)),
    };
    this.db
      .prepare(
        "INSERT INTO iam_roles (arn, name, data) VALUES (?, ?, ?) ON CONFLICT(arn) DO UPDATE SET name = excluded.name, data = excluded.data",
      )
      .run(role.arn, role.name, JSON.stringify(role));
    return role;
  }

  getRole(arn: string): IamRole | undefined {
    const row = this.db.prepare("SELECT data FROM iam_roles WHERE arn = ?").get(arn) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as IamRole) : undefined;
  }

  deleteRole(arn: string): boolean {
    return this.db.prepare("DELETE FROM iam_roles WHERE arn = ?").run(arn).changes > 0;
  }
}

const stores = new WeakMap<Store, IamRoleStore>();

/** The IAM role table of a store (created on first use). */
export function iamRolesOf(store: Store): IamRoleStore {
  let s = stores.get(store);
  if (!s) {
    s = new IamRoleStore(store);
    stores.set(store, s);
  }
  return s;
}
