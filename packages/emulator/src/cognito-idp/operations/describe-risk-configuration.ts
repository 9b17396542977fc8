import type { DescribeRiskConfigurationCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ClientId, operation, PoolId } from "../operation";
import { requirePool, requirePoolClient } from "../pools";
import { describeRiskConfiguration } from "../threat/risk-config";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId: ClientId.optional(),
}) satisfies z.ZodType<DescribeRiskConfigurationCommandInput>;

export const DescribeRiskConfiguration = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const client = req.ClientId ? requirePoolClient(services, pool.Id, req.ClientId) : undefined;
  return { RiskConfiguration: describeRiskConfiguration(services, pool, client) };
});
