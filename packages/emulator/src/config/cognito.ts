import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { applyClientSettings } from "../cognito-idp/client-settings";
import { parseRequest } from "../cognito-idp/operation";
import {
  applySettings,
  buildSchema,
  CreatePoolSchema,
  type PoolInternals,
} from "../cognito-idp/pool-settings";
import { poolArn } from "../cognito-idp/pools";
import type { Services } from "../cognito-idp/services";
import { putRiskConfiguration } from "../cognito-idp/threat/risk-config";
import { ensureSigningKeys } from "../cognito-idp/tokens";
import { FeatureUnavailableInTierException } from "../errors";
import type {
  ClientRecord,
  DomainRecord,
  GroupRecord,
  IdentityProviderRecord,
  PoolRecord,
  ResourceServerRecord,
} from "../store/types";
import { clientInput, poolInput } from "./cognito-inputs";
import { riskSettingsFromTerraform } from "./cognito-risk";
import { type AttributeResolver, resolveReferences, type TerraformStack } from "./terraform";
import { type Args, block, bool, defined, list, num, str, strs } from "./terraform-args";

/** Resource types this loader turns into user-pool state. */
export const COGNITO_RESOURCE_TYPES = [
  "aws_cognito_user_pool",
  "aws_cognito_user_pool_client",
  "aws_cognito_user_group",
  "aws_cognito_resource_server",
  "aws_cognito_user_pool_domain",
  "aws_cognito_identity_provider",
  "aws_cognito_risk_configuration",
] as const;

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic characters from a seed: the same resource gets the same local ID on every start. */
function stableString(seed: string, alphabet: string, length: number): string {
  let out = "";
  let counter = 0;
  while (out.length < length) {
    const digest = createHash("sha256").update(`${seed}:${counter++}`).digest();
    for (const byte of digest) {
      if (out.length === length) break;
      // Rejection sampling keeps the characters uniform.
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

const ClientSchema = z.object({ ClientName: z.string().min(1) }).passthrough();

export interface CognitoLoadResult {
  /** Resolves `${aws_cognito_*.x.attr}` (and Lambda / IAM ARNs) to local values. */
  resolve: AttributeResolver;
  pools: { resource: string; id: string; name: string }[];
  clients: { resource: string; id: string; name: string; secret?: string }[];
}

/**
 * Builds the stack's user pools, app clients, groups, resource servers, domains and identity
 * providers in the store. IDs derive from the resource addresses, so they are the same on every
 * start; users and their tokens stay where they are. Client secrets derive from a random seed kept
 * in the store, so they too survive restarts.
 */
export function loadCognitoFromTerraform(services: Services, stack: TerraformStack): CognitoLoadResult {
  const { store } = services;
  let seed = store.meta.get("infra-seed");
  if (!seed) {
    seed = randomBytes(32).toString("hex");
    store.meta.set("infra-seed", seed);
  }
  const r = (type: string) => stack.resources[type] ?? {};
  const poolIds = new Map<string, string>();
  const clientIds = new Map<string, { id: string; secret?: string }>();
  for (const name of Object.keys(r("aws_cognito_user_pool"))) {
    poolIds.set(name, `${services.region}_${stableString(`pool:${name}`, ALNUM, 9)}`);
  }
  for (const [name, args] of Object.entries(r("aws_cognito_user_pool_client"))) {
    clientIds.set(name, {
      id: stableString(`client:${name}`, LOWER_ALNUM, 26),
      ...(bool(args.generate_secret)
        ? { secret: stableString(`secret:${seed}:${name}`, LOWER_ALNUM, 51) }
        : {}),
    });
  }

  const resolve: AttributeResolver = (type, name, attr) => {
    const args = r(type)[name];
    if (!args) return undefined;
    switch (type) {
      case "aws_cognito_user_pool": {
        const id = poolIds.get(name);
        if (!id) return undefined;
        if (attr === "id") return id;
        if (attr === "arn") return poolArn(services, id);
        if (attr === "endpoint") return `cognito-idp.${services.region}.amazonaws.com/${id}`;
        break;
      }
      case "aws_cognito_user_pool_client": {
        const c = clientIds.get(name);
        if (attr === "id") return c?.id;
        if (attr === "client_secret") return c?.secret ?? "";
        break;
      }
      case "aws_lambda_function":
        if (attr === "arn" || attr === "qualified_arn") {
          return `arn:aws:lambda:${services.region}:${services.accountId}:function:${String(args.function_name)}`;
        }
        if (attr === "invoke_arn") {
          return `arn:aws:apigateway:${services.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${services.region}:${services.accountId}:function:${String(args.function_name)}/invocations`;
        }
        break;
      case "aws_iam_role":
        if (attr === "arn") return `arn:aws:iam::${services.accountId}:role/${String(args.name ?? name)}`;
        break;
    }
    const literal = args[attr];
    return typeof literal === "string" || typeof literal === "number" ? String(literal) : undefined;
  };
  // References the emulator does not model stay as written rather than failing the load.
  const lenient: AttributeResolver = (type, name, attr) =>
    resolve(type, name, attr) ?? `\${${type}.${name}.${attr}}`;
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const result: CognitoLoadResult = { resolve, pools: [], clients: [] };

  store.transaction(() => {
    for (const [name, raw] of Object.entries(r("aws_cognito_user_pool"))) {
      const args = resolveReferences(raw, lenient);
      const id = poolIds.get(name) as string;
      const input = parseRequest(CreatePoolSchema, poolInput(args));
      const existing = store.resources.get("pool", id, id);
      const pool: PoolRecord & PoolInternals = {
        ...(existing ?? {}),
        Id: id,
        Name: input.PoolName,
        Arn: poolArn(services, id),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
        SchemaAttributes: buildSchema(input.Schema),
        ...(input.AliasAttributes ? { AliasAttributes: input.AliasAttributes } : {}),
        ...(input.UsernameAttributes ? { UsernameAttributes: input.UsernameAttributes } : {}),
        ...(input.UsernameConfiguration ? { UsernameConfiguration: input.UsernameConfiguration } : {}),
      };
      try {
        applySettings(pool, input);
      } catch (err) {
        if (!(err instanceof FeatureUnavailableInTierException)) throw err;
        throw new FeatureUnavailableInTierException(
          `aws_cognito_user_pool.${name} (user_pool_tier ${pool.UserPoolTier}): ${err.message}. Set user_pool_tier to a plan that includes them.`,
          { cause: err },
        );
      }
      pool.SoftwareTokenMfaEnabled = bool(block(args.software_token_mfa_configuration)?.enabled) ?? false;
      store.resources.put("pool", id, id, pool);
      ensureSigningKeys(services, id);
      result.pools.push({ resource: name, id, name: pool.Name });
    }
    const poolOf = (args: Args) => {
      const id = str(args.user_pool_id);
      return id && store.resources.get("pool", id, id) ? id : undefined;
    };
    for (const [name, raw] of Object.entries(r("aws_cognito_resource_server"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const server: ResourceServerRecord = {
        UserPoolId: poolId,
        Identifier: String(args.identifier),
        Name: String(args.name ?? args.identifier),
        Scopes: list(args.scope).map((s) => ({
          ScopeName: String(s.scope_name),
          ScopeDescription: String(s.scope_description),
        })),
      };
      store.resources.put("resource-server", poolId, server.Identifier, server);
      void name;
    }
    for (const [name, raw] of Object.entries(r("aws_cognito_identity_provider"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const idp: IdentityProviderRecord = {
        UserPoolId: poolId,
        ProviderName: String(args.provider_name),
        ProviderType: String(args.provider_type) as IdentityProviderRecord["ProviderType"],
        ProviderDetails: (block(args.provider_details) as Record<string, string>) ?? {},
        AttributeMapping: (block(args.attribute_mapping) as Record<string, string>) ?? { username: "sub" },
        IdpIdentifiers: strs(args.idp_identifiers) ?? [],
        CreationDate: now,
        LastModifiedDate: now,
      };
      store.resources.put("idp", poolId, idp.ProviderName, idp);
      void name;
    }
    for (const [name, raw] of Object.entries(r("aws_cognito_user_pool_client"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const ids = clientIds.get(name) as { id: string; secret?: string };
      const input = clientInput(args);
      ClientSchema.parse(input);
      const existing = store.resources.get("client", poolId, ids.id);
      const client: ClientRecord = {
        UserPoolId: poolId,
        ClientName: input.ClientName,
        ClientId: ids.id,
        ...(ids.secret ? { ClientSecret: ids.secret } : {}),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
      };
      applyClientSettings(services, client, input);
      store.resources.put("client", poolId, ids.id, client);
      result.clients.push({
        resource: name,
        id: ids.id,
        name: client.ClientName,
        ...(ids.secret ? { secret: ids.secret } : {}),
      });
    }
    for (const raw of Object.values(r("aws_cognito_user_group"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const existing = store.resources.get("group", poolId, String(args.name));
      const group: GroupRecord = defined({
        GroupName: String(args.name),
        UserPoolId: poolId,
        Description: str(args.description),
        RoleArn: str(args.role_arn)?.startsWith("arn:") ? str(args.role_arn) : undefined,
        Precedence: num(args.precedence),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
      });
      store.resources.put("group", poolId, group.GroupName, group);
    }
    for (const raw of Object.values(r("aws_cognito_user_pool_domain"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const domain: DomainRecord = {
        UserPoolId: poolId,
        Domain: String(args.domain),
        ManagedLoginVersion: num(args.managed_login_version) ?? 1,
        CreationDate: now,
        ...(str(args.certificate_arn)
          ? { CustomDomainConfig: { CertificateArn: str(args.certificate_arn) as string } }
          : {}),
      };
      // One domain per pool: drop a domain an earlier version of the stack gave this pool.
      for (const old of store.resources.list("domain", poolId)) {
        if (old.Domain !== domain.Domain) store.resources.delete("domain", poolId, old.Domain);
      }
      store.resources.put("domain", poolId, domain.Domain, domain);
      const stored = store.resources.get("pool", poolId, poolId);
      if (stored) {
        const pool = structuredClone(stored);
        pool[domain.CustomDomainConfig ? "CustomDomain" : "Domain"] = domain.Domain;
        store.resources.put("pool", poolId, poolId, pool);
      }
    }
    for (const raw of Object.values(r("aws_cognito_risk_configuration"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const clientId = str(args.client_id);
      putRiskConfiguration(services, {
        ...riskSettingsFromTerraform(args),
        UserPoolId: poolId,
        ...(clientId && !clientId.startsWith("${") ? { ClientId: clientId } : {}),
        LastModifiedDate: now,
      });
    }
  });
  return result;
}
