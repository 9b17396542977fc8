import "server-only";

export type ApiStatus = { state: "up"; detail: string } | { state: "down"; detail: string };

/**
 * Whether the HTTP API answers. An anonymous `GET /me` must be refused with 401 and a Bearer
 * challenge: that proves the API is up and enforcing authentication, without any token.
 */
export async function apiStatus(apiUrl: string, timeoutMs = 2000): Promise<ApiStatus> {
  try {
    const res = await fetch(`${apiUrl.replace(/\/$/, "")}/me`, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
    const challenge = res.headers.get("www-authenticate") ?? "";
    if (res.status === 401 && challenge.startsWith("Bearer")) {
      return { state: "up", detail: "answering, and refusing anonymous requests" };
    }
    return { state: "down", detail: `unexpected answer HTTP ${res.status}` };
  } catch (err) {
    return { state: "down", detail: `unreachable (${(err as Error).name})` };
  }
}
