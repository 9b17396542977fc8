import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * A script's `--flags`, parsed with node's `parseArgs`. `pnpm run <script> -- --flag` passes the
 * `--` along; it is dropped here.
 */
export function scriptArgs<O extends NonNullable<ParseArgsConfig["options"]>>(options: O) {
  return parseArgs({ args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--")), options })
    .values;
}
