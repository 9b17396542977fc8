import { ConfigError, loadRouteConfig } from "../config";
import { exportEnvironment, loadLocalConfig } from "./config";
import { ensureAppTable, startLocalDynamo } from "./dynamo";
import { startLocalApi } from "./server";

/**
 * Starts the API offline: a local DynamoDB-compatible store (unless DYNAMODB_ENDPOINT is given)
 * with the app table, then the HTTP shim. Prints `api ready <url>`.
 */
async function main() {
  const local = loadLocalConfig();
  const dynamo = local.DYNAMODB_ENDPOINT
    ? undefined
    : await startLocalDynamo({ port: local.LOCAL_DYNAMO_PORT });
  const endpoint = local.DYNAMODB_ENDPOINT ?? dynamo?.endpoint ?? "";
  exportEnvironment({ DYNAMODB_ENDPOINT: endpoint, APP_TABLE: local.APP_TABLE });
  loadRouteConfig(); // fail now, with the list of what is missing, rather than on the first request
  await ensureAppTable(endpoint, local.APP_TABLE);
  const api = await startLocalApi({
    port: local.API_PORT,
    host: local.API_HOST,
    corsOrigins: [local.WEB_ORIGIN],
  });
  console.log(`api ready ${api.url}`);
  const stop = async () => {
    await api.close();
    await dynamo?.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(
      `api: port ${(err as { port?: number }).port ?? "?"} is already in use; set API_PORT to another port`,
    );
  } else console.error(err);
  process.exit(1);
});
