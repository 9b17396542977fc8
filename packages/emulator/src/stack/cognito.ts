import { randomBytes } from "node:crypto";
import { z } from "zod";
import { applyClientSettings } from "../cognito-idp/client-settings";
import { checkEmailMfaConfig } from "../cognito-idp/mfa/email";
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
import { CognitoError, FeatureUnavailableInTierException } from "../errors";
import type { Store } from "../store/store";
import type {
  ClientRecord,
  DomainRecord,
  GroupRecord,
  IdentityProviderRecord,
  PoolRecord,
  ResourceServerRecord,
} from "../store/types";
import { refuseAsApi } from "./api-refusals";
import { clientInput, poolInput, poolMfaInput, riskSettingsInput } from "./cognito-inputs";
import { StackError } from "./errors";
import type { Entry, StackModel } from "./model";

/** Resource types this builder turns into user-pool state. */
export const COGNITO_RESOURCE_TYPES = [
  "aws_cognito_user_pool",
  "aws_cognito_user_pool_client",
  "aws_cognito_user_group",
  "aws_cognito_resource_server",
  "aws_cognito_user_pool_domain",
  "aws_cognito_identity_provider",
  "aws_cognito_risk_configuration",
] as const;

const ClientSchema = z.object({ ClientName: z.string().min(1) }).passthrough();

/** The seed the stack's client secrets derive from: made once, kept in the store. */
export function stackSecretSeed(store: Store): string {
  let seed = store.meta.get("infra-seed");
  if (!seed) {
    seed = randomBytes(32).toString("hex");
    store.meta.set("infra-seed", seed);
  }
  return seed;
}

export interface CognitoLoadResult {
  pools: { resource: string; id: string; name: string }[];
  clients: { resource: string; id: string; name: string; secret?: string }[];
}

/** Runs one resource's step; what the API would refuse becomes a `StackError` naming the resource. */
function building<T>(entry: Entry<unknown>, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof FeatureUnavailableInTierException || err instanceof StackError) throw err;
    if (err instanceof CognitoError || err instanceof z.ZodError) {
      const message = err instanceof z.ZodError ? (err.issues[0]?.message ?? err.message) : err.message;
      throw new StackError({ resource: entry.address }, message, { cause: err });
    }
    throw err;
  }
}

/**
 * Builds the stack's user pools, app clients, groups, resource servers, domains, identity
 * providers and risk configurations in the store. IDs derive from the resource addresses, so they
 * are the same on every start; users and their tokens stay where they are. A child resource whose
 * `user_pool_id` is no pool in the store is skipped.
 */
export function applyCognito(services: Services, model: StackModel): CognitoLoadResult {
  const { store } = services;
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const result: CognitoLoadResult = { pools: [], clients: [] };
  const poolOf = (id: string | undefined) => (id && store.resources.get("pool", id, id) ? id : undefined);

  store.transaction(() => {
    for (const entry of model.userPools) {
      const { id, args } = entry;
      const raw = poolInput(args);
      refuseAsApi(entry.address, "CreateUserPool", raw);
      const mfa = poolMfaInput(args) as { EmailMfaConfiguration?: PoolInternals["EmailMfaConfiguration"] };
      refuseAsApi(entry.address, "SetUserPoolMfaConfig", { UserPoolId: id, ...mfa });
      const input = building(entry, () => parseRequest(CreatePoolSchema, raw));
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
      if (mfa.EmailMfaConfiguration) pool.EmailMfaConfiguration = mfa.EmailMfaConfiguration;
      else delete pool.EmailMfaConfiguration;
      try {
        building(entry, () => applySettings(pool, input));
        if (pool.EmailMfaConfiguration) building(entry, () => checkEmailMfaConfig(pool));
      } catch (err) {
        if (!(err instanceof FeatureUnavailableInTierException)) throw err;
        throw new FeatureUnavailableInTierException(
          `${entry.address} (user_pool_tier ${pool.UserPoolTier}): ${err.message}. Set user_pool_tier to a plan that includes them.`,
          { cause: err },
        );
      }
      pool.SoftwareTokenMfaEnabled = args.software_token_mfa_configuration?.enabled ?? false;
      store.resources.put("pool", id, id, pool);
      ensureSigningKeys(services, id);
      result.pools.push({ resource: entry.name, id, name: pool.Name });
    }
    for (const { args } of model.resourceServers) {
      const poolId = poolOf(args.user_pool_id);
      if (!poolId) continue;
      const server: ResourceServerRecord = {
        UserPoolId: poolId,
        Identifier: args.identifier,
        Name: args.name ?? args.identifier,
        Scopes: args.scope.map((s) => ({ ScopeName: s.scope_name, ScopeDescription: s.scope_description })),
      };
      store.resources.put("resource-server", poolId, server.Identifier, server);
    }
    for (const { args } of model.identityProviders) {
      const poolId = poolOf(args.user_pool_id);
      if (!poolId) continue;
      const idp: IdentityProviderRecord = {
        UserPoolId: poolId,
        ProviderName: args.provider_name,
        ProviderType: args.provider_type as IdentityProviderRecord["ProviderType"],
        ProviderDetails: args.provider_details ?? {},
        AttributeMapping: args.attribute_mapping ?? { username: "sub" },
        IdpIdentifiers: args.idp_identifiers ?? [],
        CreationDate: now,
        LastModifiedDate: now,
      };
      store.resources.put("idp", poolId, idp.ProviderName, idp);
    }
    for (const entry of model.userPoolClients) {
      const poolId = poolOf(entry.args.user_pool_id);
      if (!poolId) continue;
      const input = clientInput(entry.args);
      refuseAsApi(entry.address, "CreateUserPoolClient", { ...input, UserPoolId: poolId });
      building(entry, () => ClientSchema.parse(input));
      const existing = store.resources.get("client", poolId, entry.id);
      const client: ClientRecord = {
        UserPoolId: poolId,
        ClientName: input.ClientName,
        ClientId: entry.id,
        ...(entry.secret ? { ClientSecret: entry.secret } : {}),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
      };
      building(entry, () => applyClientSettings(services, client, input));
      store.resources.put("client", poolId, entry.id, client);
      result.clients.push({
        resource: entry.name,
        id: entry.id,
        name: client.ClientName,
        ...(entry.secret ? { secret: entry.secret } : {}),
      });
    }
    for (const { args } of model.userGroups) {
      const poolId = poolOf(args.user_pool_id);
      if (!poolId) continue;
      const existing = store.resources.get("group", poolId, args.name);
      const group: GroupRecord = {
        GroupName: args.name,
        UserPoolId: poolId,
        ...(args.description !== undefined ? { Description: args.description } : {}),
        ...(args.role_arn?.startsWith("arn:") ? { RoleArn: args.role_arn } : {}),
        ...(args.precedence !== undefined ? { Precedence: args.precedence } : {}),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
      };
      store.resources.put("group", poolId, group.GroupName, group);
    }
    for (const { args, address } of model.userPoolDomains) {
      const poolId = poolOf(args.user_pool_id);
      if (!poolId) continue;
      const domain: DomainRecord = {
        UserPoolId: poolId,
        Domain: args.domain,
        ManagedLoginVersion: args.managed_login_version ?? 1,
        CreationDate: now,
        ...(args.certificate_arn ? { CustomDomainConfig: { CertificateArn: args.certificate_arn } } : {}),
      };
      const { CreationDate: _created, ...domainInput } = domain;
      refuseAsApi(address, "CreateUserPoolDomain", domainInput);
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
    for (const entry of model.riskConfigurations) {
      const poolId = poolOf(entry.args.user_pool_id);
      if (!poolId) continue;
      const clientId = entry.args.client_id;
      putRiskConfiguration(services, {
        ...building(entry, () => riskSettingsInput(entry.args)),
        UserPoolId: poolId,
        ...(clientId && !clientId.startsWith("${") ? { ClientId: clientId } : {}),
        LastModifiedDate: now,
      });
    }
  });
  return result;
}
