import type { DeleteUserPoolCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";

const Request = z.object({ UserPoolId: PoolId }) satisfies z.ZodType<DeleteUserPoolCommandInput>;

export const DeleteUserPool = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  if (pool.DeletionProtection === "ACTIVE") {
    throw new InvalidParameterException(
      "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.",
    );
  }
  services.store.deletePool(pool.Id);
  return {};
});
