export { type LocalDynamoDb, type LocalDynamoDbOptions, startLocalDynamoDb } from "./local-dynamodb";
export { type TableDefinition, tablesOf } from "./tables";
