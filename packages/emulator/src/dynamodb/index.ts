export { type LocalDynamoDb, type LocalDynamoDbOptions, startLocalDynamoDb } from "./local-dynamodb";
export { type TableDefinition, tablesFromTerraform } from "./tables";
