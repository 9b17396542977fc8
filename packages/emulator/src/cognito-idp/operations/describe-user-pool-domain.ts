import type { DescribeUserPoolDomainCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation } from "../operation";
import { regionOfPool } from "../pools";
import { DomainName } from "./create-user-pool-domain";

const Request = z.object({ Domain: DomainName }) satisfies z.ZodType<DescribeUserPoolDomainCommandInput>;

/** An unknown domain answers 200 with an empty description, as AWS does (Terraform relies on it). */
export const DescribeUserPoolDomain = operation(Request, (req, services) => {
  const domain = services.store.resources.findById("domain", req.Domain);
  if (!domain) return { DomainDescription: {} };
  return {
    DomainDescription: {
      UserPoolId: domain.UserPoolId,
      AWSAccountId: services.accountId,
      Domain: domain.Domain,
      S3Bucket: "aws-cognito-prod-local-assets",
      CloudFrontDistribution: `${domain.Domain}.auth.${regionOfPool(domain.UserPoolId)}.amazoncognito.com`,
      Version: String(domain.CreationDate),
      Status: "ACTIVE",
      ...(domain.CustomDomainConfig ? { CustomDomainConfig: domain.CustomDomainConfig } : {}),
      ManagedLoginVersion: domain.ManagedLoginVersion,
    },
  };
});
