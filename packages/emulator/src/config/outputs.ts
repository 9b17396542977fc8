import { type AttributeResolver, resolveReferences, type TerraformStack } from "./terraform";

/**
 * The stack's outputs as `cdktf output` would print them after a deploy, with local values:
 * the same names, so the apps are configured the same way in both worlds. AWS endpoints are
 * replaced by the emulator's (hosted UI domain, API Gateway URL).
 */
export function stackOutputs(
  stack: TerraformStack,
  resolve: AttributeResolver,
  origin: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, output] of Object.entries(stack.outputs)) {
    let value: unknown;
    try {
      value = resolveReferences(output.value, resolve);
    } catch {
      continue; // an output of a resource the emulator does not model
    }
    if (typeof value !== "string") value = JSON.stringify(value);
    out[name] = localEndpoints(value as string, origin);
  }
  return out;
}

/** `https://<prefix>.auth.<region>.amazoncognito.com` → the emulator's `/_domain/<prefix>`. */
function localEndpoints(value: string, origin: string): string {
  return value.replace(
    /^https:\/\/([a-z0-9-]+)\.auth\.[a-z0-9-]+\.amazoncognito\.com/,
    `${origin}/_domain/$1`,
  );
}

/**
 * Resolves the attributes of the resources the local stack serves besides Cognito: tables,
 * functions and HTTP APIs. Cognito's own resources are resolved by `cognito` (the user-pool
 * loader, which knows the local IDs it created).
 */
export function localResolver(
  stack: TerraformStack,
  origin: string,
  opts: { region: string; accountId: string; cognito: AttributeResolver },
): AttributeResolver {
  const resolver: AttributeResolver = (type, name, attr) => {
    const raw = stack.resources[type]?.[name];
    if (!raw) return undefined;
    const self = (value: unknown) =>
      typeof value === "string"
        ? resolveReferences(value, resolver)
        : value === undefined
          ? undefined
          : String(value);
    switch (type) {
      case "aws_dynamodb_table":
        if (attr === "name" || attr === "id") return self(raw.name);
        if (attr === "arn")
          return `arn:aws:dynamodb:${opts.region}:${opts.accountId}:table/${self(raw.name)}`;
        return undefined;
      case "aws_lambda_function": {
        const fnName = self(raw.function_name);
        const arn = `arn:aws:lambda:${opts.region}:${opts.accountId}:function:${fnName}`;
        if (attr === "function_name" || attr === "id") return fnName;
        if (attr === "arn" || attr === "qualified_arn") return arn;
        if (attr === "invoke_arn") {
          return `arn:aws:apigateway:${opts.region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
        }
        return undefined;
      }
      case "aws_apigatewayv2_api":
        if (attr === "api_endpoint") return `${origin}/_api/${self(raw.name)}`;
        if (attr === "name") return self(raw.name);
        return undefined;
      case "aws_apigatewayv2_stage":
        if (attr === "invoke_url") {
          const api = /\$\{aws_apigatewayv2_api\.([A-Za-z0-9_-]+)\.id\}/.exec(String(raw.api_id ?? ""))?.[1];
          return api ? resolver("aws_apigatewayv2_api", api, "api_endpoint") : undefined;
        }
        return undefined;
      default:
        return opts.cognito(type, name, attr);
    }
  };
  return resolver;
}
