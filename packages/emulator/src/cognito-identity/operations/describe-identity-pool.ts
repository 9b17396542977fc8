import type { DescribeIdentityPoolCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { requireIdentityPool } from "../identities";
import { IdentityPoolId, operation } from "../operation";

const Request = z.object({ IdentityPoolId }) satisfies z.ZodType<DescribeIdentityPoolCommandInput>;

export const DescribeIdentityPool = operation(
  Request,
  (req, services) => requireIdentityPool(services, req.IdentityPoolId).pool,
);
