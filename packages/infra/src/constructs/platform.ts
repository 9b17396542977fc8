import { type FunctionName, triggers as triggerNames } from "@repo/api/functions";
import { type RouteHandlerName, routes } from "@repo/api/routes";
import { Construct } from "constructs";
import type { ResolvedStage } from "../config";
import { functionPermissions } from "../permissions";
import { Api } from "./api";
import { Auth, type AuthTriggers } from "./auth";
import { Data } from "./data";
import { Identity } from "./identity";
import { LambdaFunction } from "./lambda-function";
import { Monitoring } from "./monitoring";
import { Storage } from "./storage";

export interface PlatformProps {
  stage: ResolvedStage;
  /** Folder with one esbuild bundle per function (`<dir>/<function>/index.js`). */
  apiDistDir: string;
}

/**
 * Everything one stage needs: auth (user pool, clients, IdPs, triggers), identity (identity pool
 * and roles), API (HTTP API, one Lambda per handler), data (DynamoDB tables) and storage (the
 * user-files bucket), wired together.
 */
export class Platform extends Construct {
  readonly auth: Auth;
  readonly identity: Identity;
  readonly api: Api;
  readonly storage: Storage;
  readonly data: Data;
  readonly functions: Record<FunctionName, LambdaFunction>;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: PlatformProps) {
    super(scope, id);
    const { config, resolveSecret } = props.stage;
    const prefix = `${config.appName}-${config.stage}`;

    const { protection } = config;
    this.data = new Data(this, "data", { prefix, protection });
    this.storage = new Storage(this, "storage", {
      bucketName: config.filesBucketName,
      webOrigin: config.webOrigin,
      forceDestroy: protection.emptyBucketOnDestroy,
      preventDestroy: protection.preventDestroy,
      noncurrentVersionDays: config.filesNoncurrentVersionDays,
      minTlsVersion: config.filesMinTlsVersion ?? null,
    });

    const fn = (name: FunctionName, environment: Record<string, string>, timeoutSeconds: number) =>
      new LambdaFunction(this, `fn-${name}`, {
        functionName: `${prefix}-${name}`,
        bundleDir: `${props.apiDistDir}/${name}`,
        environment,
        timeoutSeconds,
        logRetentionDays: config.logRetentionDays,
        tracing: config.observability.tracing,
      });

    const triggerEnv = {
      APP_TABLE: this.data.appTable.name,
      APP_NAME: config.displayName,
      APP_URL: config.webOrigin,
      BLOCKED_EMAIL_DOMAINS: config.blockedEmailDomains.join(","),
    };
    const triggers: AuthTriggers = {
      preSignUp: fn(triggerNames.PreSignUp, triggerEnv, 5),
      postConfirmation: fn(triggerNames.PostConfirmation, triggerEnv, 5),
      customMessage: fn(triggerNames.CustomMessage, triggerEnv, 5),
      preTokenGeneration: fn(triggerNames.PreTokenGeneration, triggerEnv, 5),
    };

    this.auth = new Auth(this, "auth", { config, resolveSecret, triggers, prefix });
    // Policies are separate resources, so the triggers' policies may name the pool that invokes them.
    const permissionTargets = { appTableArn: this.data.appTable.arn, userPoolArn: this.auth.userPool.arn };

    this.identity = new Identity(this, "identity", {
      prefix,
      auth: this.auth,
      guestAccess: config.guestAccess,
      filesBucketArn: this.storage.bucket.arn,
      preventDestroy: protection.preventDestroy,
    });

    const clientIds = [this.auth.webClient.id, this.auth.mobileClient.id, this.auth.serverClient.id];
    const routeEnv = {
      COGNITO_USER_POOL_ID: this.auth.userPool.id,
      COGNITO_CLIENT_IDS: clientIds.join(","),
      APP_TABLE: this.data.appTable.name,
    };
    const handlers = Object.fromEntries(
      routes.map((r) => [r.handler, fn(r.handler, routeEnv, 10)]),
    ) as Record<RouteHandlerName, LambdaFunction>;

    this.functions = {
      ...handlers,
      [triggerNames.PreSignUp]: triggers.preSignUp,
      [triggerNames.PostConfirmation]: triggers.postConfirmation,
      [triggerNames.CustomMessage]: triggers.customMessage,
      [triggerNames.PreTokenGeneration]: triggers.preTokenGeneration,
    };
    for (const [name, f] of Object.entries(this.functions) as [FunctionName, LambdaFunction][]) {
      f.addStatements(functionPermissions[name](permissionTargets));
    }

    this.api = new Api(this, "api", {
      prefix,
      webOrigin: config.webOrigin,
      issuer: this.auth.issuer,
      audience: clientIds,
      routes,
      handlers,
      logRetentionDays: config.logRetentionDays,
      throttling: config.api.throttling,
      ...(config.api.customDomain ? { customDomain: config.api.customDomain } : {}),
    });

    this.monitoring = new Monitoring(this, "monitoring", {
      prefix,
      functions: this.functions,
      apiId: this.api.api.id,
      apiStageName: "$default",
      userPoolId: this.auth.userPool.id,
      clientIds,
      alarmEmails: config.observability.alarmEmails,
    });
  }
}
