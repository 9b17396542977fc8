import type { NextConfig } from "next";
import { env } from "./src/env";
import { securityHeaders } from "./src/security-headers";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Internal packages export TypeScript source.
  transpilePackages: ["@repo/api-contract", "@repo/auth-shared", "@repo/env"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(env.SITE_URL) }];
  },
};

export default config;
