import { fileURLToPath } from "node:url";
import { withBase } from "@repo/vitest-config";

export default withBase({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      // Server modules are tested as the server runs them (React's "react-server" condition).
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
});
