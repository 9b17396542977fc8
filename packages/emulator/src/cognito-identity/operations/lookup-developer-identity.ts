import type { LookupDeveloperIdentityCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { developerLoginKey, requireDeveloperCredentials } from "../developer";
import { InvalidParameterException, ResourceConflictException, ResourceNotFoundException } from "../errors";
import { requireIdentityPool } from "../identities";
import { IdentityId, IdentityPoolId, operation } from "../operation";
import { page } from "../paging";
import { identityStoreOf } from "../store";

const Request = z.object({
  IdentityPoolId,
  IdentityId: IdentityId.optional(),
  DeveloperUserIdentifier: z.string().min(1).max(1024).optional(),
  MaxResults: z.number().int().min(1).max(60).optional(),
  NextToken: z.string().min(1).max(65535).optional(),
}) satisfies z.ZodType<LookupDeveloperIdentityCommandInput>;

/**
 * The identity of a developer user, and the developer user identifiers of an identity. Given both,
 * they must belong together (else ResourceConflictException), as the API reference describes.
 */
export const LookupDeveloperIdentity = operation(Request, (req, services, request) => {
  requireDeveloperCredentials(request);
  const { pool } = requireIdentityPool(services, req.IdentityPoolId);
  if (req.IdentityId === undefined && req.DeveloperUserIdentifier === undefined) {
    throw new InvalidParameterException("Either IdentityId or DeveloperUserIdentifier must be given.");
  }
  const store = identityStoreOf(services.store);
  const provider = pool.DeveloperProviderName ?? "";
  let identityId = req.IdentityId;
  if (req.DeveloperUserIdentifier !== undefined) {
    const owner = provider
      ? store.findByLogin(pool.IdentityPoolId, developerLoginKey(provider, req.DeveloperUserIdentifier))
      : undefined;
    if (owner === undefined) {
      throw new ResourceNotFoundException(`Developer user '${req.DeveloperUserIdentifier}' not found.`);
    }
    if (identityId !== undefined && identityId !== owner) {
      throw new ResourceConflictException("The developer user identifier does not belong to this identity.");
    }
    identityId = owner;
  }
  const identity = identityId !== undefined ? store.getIdentity(identityId) : undefined;
  if (!identity || identity.IdentityPoolId !== pool.IdentityPoolId) {
    throw new ResourceNotFoundException(`Identity '${identityId}' not found.`);
  }
  const prefix = developerLoginKey(provider, "");
  const users = provider
    ? store.loginsOf(identity.IdentityId, prefix).map((l) => l.slice(prefix.length))
    : [];
  const { items, NextToken } = page(users, req.MaxResults ?? 60, req.NextToken);
  return {
    IdentityId: identity.IdentityId,
    DeveloperUserIdentifierList: items,
    ...(NextToken ? { NextToken } : {}),
  };
});
