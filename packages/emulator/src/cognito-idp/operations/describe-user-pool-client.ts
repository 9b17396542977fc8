import type { DescribeUserPoolClientCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ClientId, operation, PoolId } from "../operation";
import { requirePoolClient } from "../pools";

const Request = z.object({
  UserPoolId: PoolId,
  ClientId,
}) satisfies z.ZodType<DescribeUserPoolClientCommandInput>;

export const DescribeUserPoolClient = operation(Request, (req, services) => ({
  UserPoolClient: requirePoolClient(services, req.UserPoolId, req.ClientId),
}));
