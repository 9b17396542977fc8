import type { UpdateUserPoolDomainCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";
import { DomainName } from "./create-user-pool-domain";

const Request = z.object({
  Domain: DomainName,
  UserPoolId: PoolId,
  ManagedLoginVersion: z.number().int().optional(),
  CustomDomainConfig: z.object({ CertificateArn: z.string().min(20) }).optional(),
}) satisfies z.ZodType<UpdateUserPoolDomainCommandInput>;

export const UpdateUserPoolDomain = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  const stored = services.store.resources.get("domain", req.UserPoolId, req.Domain);
  if (!stored) throw new InvalidParameterException("Domain does not exist.");
  const domain = structuredClone(stored);
  if (req.ManagedLoginVersion !== undefined) domain.ManagedLoginVersion = req.ManagedLoginVersion;
  if (req.CustomDomainConfig) domain.CustomDomainConfig = req.CustomDomainConfig;
  services.store.resources.put("domain", req.UserPoolId, req.Domain, domain);
  return {
    ManagedLoginVersion: domain.ManagedLoginVersion,
    ...(domain.CustomDomainConfig
      ? { CloudFrontDomain: `${req.Domain.replace(/\./g, "-")}.cloudfront.net` }
      : {}),
  };
});
