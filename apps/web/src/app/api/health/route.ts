import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness of the web server itself (used by the local stack and load balancers). */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
