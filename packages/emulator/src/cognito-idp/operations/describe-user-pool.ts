import type { DescribeUserPoolCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { describePool } from "../pool-settings";
import { requirePool } from "../pools";

const Request = z.object({ UserPoolId: PoolId }) satisfies z.ZodType<DescribeUserPoolCommandInput>;

export const DescribeUserPool = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  return { UserPool: describePool(pool, services.store.users.count(pool.Id)) };
});
