import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { documentClient } from "../data/clients";
import { respond } from "../http/response";
import { routeHandler } from "../http/route-handler";

/**
 * `GET /service/health` (machine to machine: a client_credentials token with `api/read`):
 * reports whether the app table answers; 503 when it does not.
 */
export const handler = routeHandler("get-service-health", async ({ claims, config }) => {
  const started = Date.now();
  let table: "ok" | "unavailable" = "ok";
  try {
    const res = await documentClient(config).send(new DescribeTableCommand({ TableName: config.appTable }));
    if (res.Table?.TableStatus !== "ACTIVE") table = "unavailable";
  } catch {
    table = "unavailable";
  }
  const ok = table === "ok";
  return respond("get-service-health", ok ? 200 : 503, {
    status: ok ? "ok" : "degraded",
    client: claims.client_id,
    checks: { table },
    latencyMs: Date.now() - started,
  });
});
