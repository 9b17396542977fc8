import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction as AwsLambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LAMBDA_RUNTIME } from "@repo/api/bundles";
import { AssetType, Lazy, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import { type PolicyStatement, policyDocument } from "../policy";

export interface LambdaFunctionProps {
  /** Full function name, `<app>-<stage>-<function>`. */
  functionName: string;
  /** The esbuild bundle folder (`apps/api/dist/<function>/`, with `index.js`). */
  bundleDir: string;
  environment: Record<string, string>;
  /** Cognito waits 5 s for a trigger; API routes get longer. */
  timeoutSeconds: number;
  logRetentionDays: number;
  /** X-Ray active tracing. */
  tracing: boolean;
}

/**
 * One Lambda function from one bundle: its own execution role (trust: lambda.amazonaws.com only),
 * an inline policy that allows writing to its own log group and the given statements, and a log
 * group with retention created before the function so Lambda never creates one without it.
 * Further permissions are added with {@link LambdaFunction.addStatements} (rendered at synth).
 */
export class LambdaFunction extends Construct {
  readonly function: AwsLambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  private readonly statements: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);

    const asset = new TerraformAsset(this, "bundle", { path: props.bundleDir, type: AssetType.ARCHIVE });

    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
    });

    this.role = new IamRole(this, "role", {
      name: `${props.functionName}-role`,
      assumeRolePolicy: policyDocument([
        {
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      ]),
    });

    new IamRolePolicy(this, "policy", {
      name: "least-privilege",
      role: this.role.id,
      policy: Lazy.stringValue({
        produce: () =>
          policyDocument([
            {
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
              Resource: `${this.logGroup.arn}:*`,
            },
            ...(props.tracing
              ? [
                  {
                    Effect: "Allow" as const,
                    Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                    Resource: "*",
                  },
                ]
              : []),
            ...this.statements,
          ]),
      }),
    });

    this.function = new AwsLambdaFunction(this, "function", {
      functionName: props.functionName,
      role: this.role.arn,
      // nodejs22.x: the runtime apps/api's bundles are built for (nodejs20.x's support ended 2026-04-30).
      runtime: LAMBDA_RUNTIME,
      architectures: ["arm64"],
      handler: "index.handler",
      filename: asset.path,
      sourceCodeHash: asset.assetHash,
      memorySize: 256,
      timeout: props.timeoutSeconds,
      environment: { variables: props.environment },
      // JSON lines (requestId, level, message) into the function's own log group.
      loggingConfig: {
        logFormat: "JSON",
        applicationLogLevel: "INFO",
        systemLogLevel: "WARN",
        logGroup: this.logGroup.name,
      },
      ...(props.tracing ? { tracingConfig: { mode: "Active" } } : {}),
      dependsOn: [this.logGroup],
    });
  }

  /** Allows the function more than writing its logs. */
  addStatements(statements: PolicyStatement[]): void {
    this.statements.push(...statements);
  }
}
