import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/** A DynamoDB table as infra defines it, in the shape CreateTable takes, plus its TTL attribute. */
export interface TableDefinition {
  create: CreateTableCommandInput & { TableName: string };
  ttlAttribute?: string;
}

interface TerraformTable {
  name: string;
  hash_key: string;
  range_key?: string;
  attribute?: { name: string; type: "S" | "N" | "B" }[];
  global_secondary_index?: { name: string; hash_key: string; range_key?: string; projection_type?: string }[];
  ttl?: { attribute_name?: string; enabled?: boolean };
}

/**
 * The `aws_dynamodb_table` resources of a synthesized stack as CreateTable inputs. Table names
 * must already be resolved to plain strings.
 */
export function tablesFromTerraform(resources: Record<string, TerraformTable>): TableDefinition[] {
  return Object.values(resources).map((t) => ({
    create: {
      TableName: t.name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: (t.attribute ?? []).map((a) => ({
        AttributeName: a.name,
        AttributeType: a.type,
      })),
      KeySchema: [
        { AttributeName: t.hash_key, KeyType: "HASH" },
        ...(t.range_key ? [{ AttributeName: t.range_key, KeyType: "RANGE" as const }] : []),
      ],
      ...(t.global_secondary_index?.length
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
  }));
}
