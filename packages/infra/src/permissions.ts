import type { FunctionName } from "@repo/api/functions";
import type { PolicyStatement } from "./policy";

/** ARNs a function's permissions may name. */
export interface PermissionTargets {
  appTableArn: string;
  /** The user pool. Policies are separate resources, so naming the pool here makes no cycle with its triggers. */
  userPoolArn: string;
}

const dynamo = (actions: string[]) => (t: PermissionTargets) => [
  {
    Effect: "Allow",
    Action: actions.map((a) => `dynamodb:${a}`),
    Resource: t.appTableArn,
  } as PolicyStatement,
];

/**
 * Least privilege, one entry per Lambda function of apps/api: exactly the calls its code makes.
 * Typed by the API's function list, so a new handler without an entry does not compile.
 */
export const functionPermissions: Record<FunctionName, (t: PermissionTargets) => PolicyStatement[]> = {
  "get-me": dynamo(["GetItem"]),
  "delete-me": dynamo(["Query", "BatchWriteItem"]),
  "get-dashboard": dynamo(["Query"]),
  "list-notes": dynamo(["Query"]),
  "create-note": dynamo(["PutItem"]),
  "get-note": dynamo(["GetItem"]),
  "delete-note": dynamo(["DeleteItem"]),
  "list-users": (t) => [{ Effect: "Allow", Action: "cognito-idp:ListUsers", Resource: t.userPoolArn }],
  "get-service-health": dynamo(["DescribeTable"]),
  "pre-sign-up": () => [],
  "post-confirmation": (t) => [
    { Effect: "Allow", Action: "cognito-idp:AdminAddUserToGroup", Resource: t.userPoolArn },
    ...dynamo(["PutItem"])(t),
  ],
  "custom-message": () => [],
  "pre-token-generation": () => [],
};
