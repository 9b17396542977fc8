/**
 * IAM managed policies and their attachments to roles, in the emulator's database. An attached
 * policy's document joins the role's policies (what identity-pool credentials are evaluated
 * against); detaching it takes that document out again.
 */
import type Database from "better-sqlite3";
import type { Store } from "../store/store";
import type { PolicyDocument } from "./policy";
import { iamRolesOf } from "./roles";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS iam_policies (arn TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS iam_role_policies (role_arn TEXT NOT NULL, policy_arn TEXT NOT NULL,
  PRIMARY KEY (role_arn, policy_arn));
CREATE TABLE IF NOT EXISTS iam_role_details (arn TEXT PRIMARY KEY, data TEXT NOT NULL);
`;

/** What IAM answers of a role created through its API, beyond what `IamRoleStore` keeps. */
export interface RoleDetails {
  path: string;
  id: string;
  createDate: string;
  /** The trust policy as it was sent (IAM answers it URL-encoded). */
  trustPolicyText: string;
}

export interface ManagedPolicy {
  arn: string;
  name: string;
  path: string;
  id: string;
  createDate: string;
  document: PolicyDocument;
}

export class ManagedPolicyStore {
  private readonly db: Database.Database;
  constructor(private readonly store: Store) {
    this.db = store.db;
    this.db.exec(SCHEMA);
  }

  put(policy: ManagedPolicy): void {
    this.db
      .prepare("INSERT INTO iam_policies (arn, name, data) VALUES (?, ?, ?)")
      .run(policy.arn, policy.name, JSON.stringify(policy));
  }

  get(arn: string): ManagedPolicy | undefined {
    const row = this.db.prepare("SELECT data FROM iam_policies WHERE arn = ?").get(arn) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as ManagedPolicy) : undefined;
  }

  /** How many roles the policy is attached to. */
  attachments(policyArn: string): number {
    const row = this.db
      .prepare("SELECT COUNT(*) AS n FROM iam_role_policies WHERE policy_arn = ?")
      .get(policyArn) as { n: number };
    return row.n;
  }

  /** Policies attached to a role. */
  attachedTo(roleArn: string): string[] {
    const rows = this.db
      .prepare("SELECT policy_arn FROM iam_role_policies WHERE role_arn = ?")
      .all(roleArn) as {
      policy_arn: string;
    }[];
    return rows.map((r) => r.policy_arn);
  }

  putRoleDetails(arn: string, details: RoleDetails): void {
    this.db
      .prepare("INSERT OR REPLACE INTO iam_role_details (arn, data) VALUES (?, ?)")
      .run(arn, JSON.stringify(details));
  }

  roleDetails(arn: string): RoleDetails | undefined {
    const row = this.db.prepare("SELECT data FROM iam_role_details WHERE arn = ?").get(arn) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as RoleDetails) : undefined;
  }

  /** The ARN of the role called `name`, whatever its path. */
  roleArnByName(name: string): string | undefined {
    iamRolesOf(this.store);
    const row = this.db.prepare("SELECT arn FROM iam_roles WHERE name = ?").get(name) as
      | { arn: string }
      | undefined;
    return row?.arn;
  }

  deleteRoleDetails(arn: string): void {
    this.db.prepare("DELETE FROM iam_role_details WHERE arn = ?").run(arn);
  }

  delete(arn: string): void {
    this.db.prepare("DELETE FROM iam_policies WHERE arn = ?").run(arn);
  }

  /** Attaches (idempotent, as IAM is); the role and the policy must exist. */
  attach(roleArn: string, policy: ManagedPolicy): void {
    const roles = iamRolesOf(this.store);
    const role = roles.getRole(roleArn);
    if (!role) throw new TypeError(`no role ${roleArn}`);
    const added = this.db
      .prepare("INSERT OR IGNORE INTO iam_role_policies (role_arn, policy_arn) VALUES (?, ?)")
      .run(roleArn, policy.arn).changes;
    if (added === 0) return;
    roles.putRole({
      arn: role.arn,
      name: role.name,
      ...(role.trustPolicy ? { trustPolicy: role.trustPolicy } : {}),
      policies: [...role.policies, policy.document],
    });
  }

  /** Detaches; false when the policy was not attached to the role. */
  detach(roleArn: string, policy: ManagedPolicy): boolean {
    const removed = this.db
      .prepare("DELETE FROM iam_role_policies WHERE role_arn = ? AND policy_arn = ?")
      .run(roleArn, policy.arn).changes;
    if (removed === 0) return false;
    const roles = iamRolesOf(this.store);
    const role = roles.getRole(roleArn);
    if (role) {
      const doc = JSON.stringify(policy.document);
      const at = role.policies.findIndex((p) => JSON.stringify(p) === doc);
      roles.putRole({
        arn: role.arn,
        name: role.name,
        ...(role.trustPolicy ? { trustPolicy: role.trustPolicy } : {}),
        policies: role.policies.filter((_, i) => i !== at),
      });
    }
    return true;
  }
}

const stores = new WeakMap<Store, ManagedPolicyStore>();

/** The managed-policy tables of a store (created on first use). */
export function managedPoliciesOf(store: Store): ManagedPolicyStore {
  let s = stores.get(store);
  if (!s) {
    s = new ManagedPolicyStore(store);
    stores.set(store, s);
  }
  return s;
}
