import { ConfigError, loadConfig } from "../config";
import { createEmulator } from "../server";

async function main(): Promise<void> {
  const config = loadConfig();
  try {
    const emulator = await createEmulator({
      port: config.EMULATOR_PORT,
      host: config.EMULATOR_HOST,
      storePath: config.EMULATOR_STORE,
      region: config.EMULATOR_REGION,
      ...(config.EMULATOR_INFRA ? { infraDir: config.EMULATOR_INFRA } : {}),
    });
    const infra = emulator.infra;
    if (infra) {
      for (const pool of infra.pools) console.log(`user pool ${pool.name}: ${pool.id}`);
      for (const client of infra.clients) console.log(`app client ${client.name}: ${client.id}`);
      if (infra.unmodelled.length > 0) {
        console.log(
          `not modelled by the user-pool loader (${infra.unmodelled.length}): ${infra.unmodelled.join(", ")}`,
        );
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
      console.error(`emulator: port ${config.EMULATOR_PORT} on ${config.EMULATOR_HOST} is already in use`);
      process.exit(1);
    }
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
