import "server-only";
import { cache } from "react";
import { env } from "~/env";
import { ApiError, ForbiddenError, ServiceUnavailableError, SessionExpiredError } from "./errors";
import { type HttpResponse, httpRequest } from "./http-request";
import { accessTokenFor } from "./token-store";

/** What a call to the API may carry besides the token (JSON bodies as strings). */
export interface ApiRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Calls the HTTP API with the user's access token, server-side only. A 401 gets one retry with
 * a freshly refreshed token (the token may have been revoked or rotated keys); a second 401
 * ends the session. 403 and unreachable are typed errors the pages show kindly.
 */
export async function apiFetch<T>(userId: string, path: string, init: ApiRequestInit = {}): Promise<T> {
  let res = await call(path, init, await tokenForRequest(userId));
  if (res.status === 401) res = await call(path, init, await accessTokenFor(userId, { forceRefresh: true }));
  if (res.status === 401) throw new SessionExpiredError("The API refused the session's token");
  if (res.status === 403) throw new ForbiddenError(await message(res, "You do not have access to this"));
  if (res.status === 503 || res.status === 502 || res.status === 504) {
    throw new ServiceUnavailableError("api", await message(res, "The API is unavailable"));
  }
  if (res.status < 200 || res.status > 299)
    throw new ApiError(res.status, await message(res, `The API answered HTTP ${res.status}`));
  return (res.status === 204 ? undefined : JSON.parse(res.text)) as T;
}

/** One token lookup per request, however many API calls a page makes. */
const tokenForRequest = cache((userId: string) => accessTokenFor(userId));

async function call(path: string, init: ApiRequestInit, token: string): Promise<HttpResponse> {
  try {
    // API_URL may carry a path (API Gateway stage, or the local gateway's /_api/<name>).
    return await httpRequest(new URL(`${env.API_URL.replace(/\/$/, "")}${path}`), {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}`, accept: "application/json" },
      timeoutMs: 10_000,
    });
  } catch (err) {
    throw new ServiceUnavailableError("api", "The API cannot be reached", { cause: err });
  }
}

async function message(res: HttpResponse, fallback: string): Promise<string> {
  try {
    return (JSON.parse(res.text) as { message?: string } | null)?.message ?? fallback;
  } catch {
    return fallback;
  }
}
