import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { StackError } from "../stack/errors";
import { isUnresolved } from "../stack/references";
import type { DynamoDbTableArgs } from "../stack/schema-services";

/** A DynamoDB table as infra defines it, in the shape CreateTable takes, plus its TTL attribute. */
export interface TableDefinition {
  create: CreateTableCommandInput & { TableName: string };
  ttlAttribute?: string;
}

/**
 * The `aws_dynamodb_table` resources of a stack model as CreateTable inputs. Names and keys must
 * resolve to plain strings.
 */
export function tablesOf(tables: { address: string; args: DynamoDbTableArgs }[]): TableDefinition[] {
  return tables.map(({ address, args: t }) => {
    if (isUnresolved(t)) {
      throw new StackError({ resource: address }, "refers to something the emulator has no local value for");
    }
    return tableOf(t);
  });
}

function tableOf(t: DynamoDbTableArgs): TableDefinition {
  return {
    create: {
      TableName: t.name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: t.attribute.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
      KeySchema: [
        { AttributeName: t.hash_key, KeyType: "HASH" },
        ...(t.range_key ? [{ AttributeName: t.range_key, KeyType: "RANGE" as const }] : []),
      ],
      ...(t.global_secondary_index.length
        ? {
            GlobalSecondaryIndexes: t.global_secondary_index.map((g) => ({
              IndexName: g.name,
              KeySchema: [
                { AttributeName: g.hash_key, KeyType: "HASH" as const },
                ...(g.range_key ? [{ AttributeName: g.range_key, KeyType: "RANGE" as const }] : []),
              ],
              Projection: { ProjectionType: (g.projection_type ?? "ALL") as "ALL" },
            })),
          }
        : {}),
    },
    ...(t.ttl?.enabled && t.ttl.attribute_name ? { ttlAttribute: t.ttl.attribute_name } : {}),
  };
}
