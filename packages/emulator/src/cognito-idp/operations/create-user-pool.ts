import { InvalidParameterException } from "../../errors";
import type { PoolRecord } from "../../store/types";
import { newPoolId } from "../ids";
import { operation } from "../operation";
import {
  applySettings,
  buildSchema,
  CreatePoolSchema,
  checkMfaSettings,
  describePool,
} from "../pool-settings";
import { poolArn } from "../pools";
import { ensureSigningKeys } from "../tokens";

export const CreateUserPool = operation(CreatePoolSchema, (req, services, request) => {
  checkMfaSettings(req.MfaConfiguration, req.SmsConfiguration !== undefined, false);
  if (req.AliasAttributes?.length && req.UsernameAttributes?.length) {
    throw new InvalidParameterException(
      "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.",
    );
  }
  const now = Math.floor(services.clock.now().getTime() / 1000);
  // The region the request was signed for, as on AWS (an unsigned call gets the default).
  const id = newPoolId(request.signingRegion ?? services.region);
  const pool: PoolRecord = {
    Id: id,
    Name: req.PoolName,
    Arn: poolArn(services, id),
    CreationDate: now,
    LastModifiedDate: now,
    SchemaAttributes: buildSchema(req.Schema),
    ...(req.AliasAttributes ? { AliasAttributes: req.AliasAttributes } : {}),
    ...(req.UsernameAttributes ? { UsernameAttributes: req.UsernameAttributes } : {}),
    ...(req.UsernameConfiguration ? { UsernameConfiguration: req.UsernameConfiguration } : {}),
  };
  applySettings(pool, req);
  services.store.transaction(() => {
    services.store.resources.put("pool", id, id, pool);
    ensureSigningKeys(services, id);
  });
  return { UserPool: describePool(pool, 0) };
});
