/** Writes `docs/emulator-coverage.md` from the settings ledger (see `src/ledger/table.ts`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { coverageTable } from "../src/ledger/table";

const out = fileURLToPath(new URL("../../../docs/emulator-coverage.md", import.meta.url));
writeFileSync(out, coverageTable());
console.log(`wrote ${out}`);
