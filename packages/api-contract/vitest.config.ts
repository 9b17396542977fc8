import { withBase } from "@repo/vitest-config";

export default withBase();
