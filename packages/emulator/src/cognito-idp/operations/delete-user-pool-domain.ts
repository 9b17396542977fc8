import type { DeleteUserPoolDomainCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";
import { DomainName } from "./create-user-pool-domain";

const Request = z.object({
  Domain: DomainName,
  UserPoolId: PoolId,
}) satisfies z.ZodType<DeleteUserPoolDomainCommandInput>;

export const DeleteUserPoolDomain = operation(Request, (req, services) => {
  const pool = structuredClone(requirePool(services, req.UserPoolId));
  if (!services.store.resources.get("domain", req.UserPoolId, req.Domain)) {
    throw new InvalidParameterException("No such domain or user pool exists.");
  }
  services.store.transaction(() => {
    services.store.resources.delete("domain", req.UserPoolId, req.Domain);
    if (pool.Domain === req.Domain) delete pool.Domain;
    if (pool.CustomDomain === req.Domain) delete pool.CustomDomain;
    services.store.resources.put("pool", pool.Id, pool.Id, pool);
  });
  return {};
});
