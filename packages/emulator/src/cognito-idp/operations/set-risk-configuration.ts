import type { SetRiskConfigurationCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import type { z } from "zod";
import { ClientId, operation, PoolId } from "../operation";
import { requirePool, requirePoolClient } from "../pools";
import { describeRiskConfiguration, putRiskConfiguration, RiskSettings } from "../threat/risk-config";

const Request = RiskSettings.extend({
  UserPoolId: PoolId,
  ClientId: ClientId.optional(),
}) satisfies z.ZodType<SetRiskConfigurationCommandInput>;

export const SetRiskConfiguration = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const client = req.ClientId ? requirePoolClient(services, pool.Id, req.ClientId) : undefined;
  const { UserPoolId: _pool, ClientId: _client, ...settings } = req;
  putRiskConfiguration(services, {
    ...settings,
    UserPoolId: pool.Id,
    ...(client ? { ClientId: client.ClientId } : {}),
    LastModifiedDate: Math.floor(services.clock.now().getTime() / 1000),
  });
  return { RiskConfiguration: describeRiskConfiguration(services, pool, client) };
});
