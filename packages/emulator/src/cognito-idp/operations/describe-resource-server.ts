import type { DescribeResourceServerCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ResourceNotFoundException } from "../../errors";
import type { ResourceServerRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";
import type { Services } from "../services";
import { Identifier } from "./create-resource-server";

const Request = z.object({
  UserPoolId: PoolId,
  Identifier,
}) satisfies z.ZodType<DescribeResourceServerCommandInput>;

export function requireResourceServer(
  services: Services,
  poolId: string,
  identifier: string,
): ResourceServerRecord {
  requirePool(services, poolId);
  const server = services.store.resources.get("resource-server", poolId, identifier);
  if (!server) throw new ResourceNotFoundException(`Resource server ${identifier} does not exist.`);
  return server;
}

export const DescribeResourceServer = operation(Request, (req, services) => ({
  ResourceServer: requireResourceServer(services, req.UserPoolId, req.Identifier),
}));
