import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { appTableKeySchema } from "@repo/api/functions";
import { Construct } from "constructs";
import type { Protection } from "../config";

export interface DataProps {
  prefix: string;
  /** The stage's protections: DynamoDB deletion protection, point-in-time recovery, prevent_destroy. */
  protection: Protection;
}

/**
 * The key schema `@next-auth/dynamodb-adapter` expects: `pk`/`sk`, a `GSI1` index on
 * `GSI1PK`/`GSI1SK`, and TTL on `expires` so expired sessions and tokens disappear.
 */
export const sessionsTableSchema = {
  partitionKey: "pk",
  sortKey: "sk",
  index: { name: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
  ttlAttribute: "expires",
} as const;

/** DynamoDB tables: the app table (notes and profiles) and next-auth's sessions table. */
export class Data extends Construct {
  readonly appTable: DynamodbTable;
  readonly sessionsTable: DynamodbTable;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const common = {
      billingMode: "PAY_PER_REQUEST",
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: props.protection.pointInTimeRecovery },
      deletionProtectionEnabled: props.protection.tableDeletionProtection,
      lifecycle: { preventDestroy: props.protection.preventDestroy },
    };

    this.appTable = new DynamodbTable(this, "app", {
      ...common,
      name: `${props.prefix}-app`,
      hashKey: appTableKeySchema.partitionKey,
      rangeKey: appTableKeySchema.sortKey,
      attribute: [
        { name: appTableKeySchema.partitionKey, type: "S" },
        { name: appTableKeySchema.sortKey, type: "S" },
      ],
    });

    const s = sessionsTableSchema;
    this.sessionsTable = new DynamodbTable(this, "sessions", {
      ...common,
      name: `${props.prefix}-sessions`,
      hashKey: s.partitionKey,
      rangeKey: s.sortKey,
      attribute: [
        { name: s.partitionKey, type: "S" },
        { name: s.sortKey, type: "S" },
        { name: s.index.partitionKey, type: "S" },
        { name: s.index.sortKey, type: "S" },
      ],
      globalSecondaryIndex: [
        {
          name: s.index.name,
          hashKey: s.index.partitionKey,
          rangeKey: s.index.sortKey,
          projectionType: "ALL",
        },
      ],
      ttl: { attributeName: s.ttlAttribute, enabled: true },
    });
  }
}
