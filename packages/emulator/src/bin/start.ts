import { ConfigError, loadConfig } from "../config";
import { FeatureUnavailableInTierException } from "../errors";
import { createEmulator } from "../server";
import { StackError } from "../stack";

async function main(): Promise<void> {
  const config = loadConfig();
  try {
    const emulator = await createEmulator({
      port: config.EMULATOR_PORT,
      host: config.EMULATOR_HOST,
      storePath: config.EMULATOR_STORE,
      region: config.EMULATOR_REGION,
      ...(config.EMULATOR_INFRA ? { infraDir: config.EMULATOR_INFRA } : {}),
      ...(config.EMULATOR_LAMBDA_DIR ? { lambdaDir: config.EMULATOR_LAMBDA_DIR } : {}),
      dynamodb: { port: config.EMULATOR_DYNAMODB_PORT, path: config.EMULATOR_DYNAMODB_PATH },
      ...(config.EMULATOR_STRICT.length > 0
        ? { strict: Object.fromEntries(config.EMULATOR_STRICT.map((check) => [check, true])) }
        : {}),
    });
    const infra = emulator.infra;
    if (infra) {
      for (const pool of infra.pools) console.log(`user pool ${pool.name}: ${pool.id}`);
      for (const client of infra.clients) console.log(`app client ${client.name}: ${client.id}`);
      const stack = emulator.localStack;
      if (stack) {
        for (const api of stack.apis) console.log(`http api ${api.name}: ${emulator.url}/_api/${api.name}`);
        console.log(`dynamodb ${stack.dynamo.endpoint}`);
      }
      const served = new Set(stack ? stack.notServed(new Set()) : []);
      const notServed = infra.unmodelled.filter((r) => !stack || served.has(r.slice(0, r.indexOf("."))));
      if (notServed.length > 0) {
        const byType = new Map<string, number>();
        for (const r of notServed)
          byType.set(r.slice(0, r.indexOf(".")), (byType.get(r.slice(0, r.indexOf("."))) ?? 0) + 1);
        const list = [...byType].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(", ");
        console.log(`not served locally (${notServed.length} resources): ${list}`);
      }
    }
    console.log(`emulator ready ${emulator.url}`);
    const stop = () => {
      emulator.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      const port = (err as { port?: number }).port ?? config.EMULATOR_PORT;
      console.error(`emulator: port ${port} on ${config.EMULATOR_HOST} is already in use`);
      process.exit(1);
    }
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof StackError || err instanceof FeatureUnavailableInTierException) {
    // Bad input in the synthesized stack: the message names the resource and attribute.
    console.error(`emulator: ${err.message}`);
  } else console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
