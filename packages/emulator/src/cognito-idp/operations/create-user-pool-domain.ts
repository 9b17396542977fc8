import type { CreateUserPoolDomainCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import type { DomainRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";

export const DomainName = z
  .string()
  .min(1)
  .max(63)
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    "Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$",
  );

const Request = z.object({
  Domain: DomainName,
  UserPoolId: PoolId,
  ManagedLoginVersion: z.number().int().optional(),
  CustomDomainConfig: z.object({ CertificateArn: z.string().min(20) }).optional(),
}) satisfies z.ZodType<CreateUserPoolDomainCommandInput>;

export const CreateUserPoolDomain = operation(Request, (req, services) => {
  const pool = structuredClone(requirePool(services, req.UserPoolId));
  if (services.store.resources.findById("domain", req.Domain))
    throw new InvalidParameterException("Domain already exists.");
  if (pool.Domain)
    throw new InvalidParameterException(`User pool ${pool.Id} already has a domain configured.`);
  const domain: DomainRecord = {
    UserPoolId: pool.Id,
    Domain: req.Domain,
    ...(req.CustomDomainConfig ? { CustomDomainConfig: req.CustomDomainConfig } : {}),
    ManagedLoginVersion: req.ManagedLoginVersion ?? 1,
    CreationDate: Math.floor(services.clock.now().getTime() / 1000),
  };
  services.store.transaction(() => {
    services.store.resources.put("domain", pool.Id, req.Domain, domain);
    pool[req.CustomDomainConfig ? "CustomDomain" : "Domain"] = req.Domain;
    services.store.resources.put("pool", pool.Id, pool.Id, pool);
  });
  return {
    ManagedLoginVersion: domain.ManagedLoginVersion,
    ...(req.CustomDomainConfig
      ? { CloudFrontDomain: `${req.Domain.replace(/\./g, "-")}.cloudfront.net` }
      : {}),
  };
});
