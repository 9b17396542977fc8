import "server-only";
import {
  buildRequest,
  ContractError,
  type EndpointName,
  type RequestInput,
  type ResponseBody,
  readErrorBody,
  readResponse,
} from "@repo/api-contract";
import { cache } from "react";
import { env } from "~/env";
import { ApiError, ForbiddenError, ServiceUnavailableError, SessionExpiredError } from "./errors";
import { type HttpResponse, httpRequest } from "./http-request";
import { accessTokenFor } from "./token-store";

/**
 * Calls an endpoint of the HTTP API (`@repo/api-contract`) with the user's access token,
 * server-side only: the request is built and checked against the contract, and the answer is
 * parsed with the schema of its status, so pages get typed data or an error, never an unchecked
 * shape. A 401 gets one retry with a freshly refreshed token (the token may have been revoked or
 * rotated keys); a second 401 ends the session. 403 and unreachable are typed errors the pages
 * show kindly; an answer off the contract is an {@link ApiError}.
 */
export async function callApi<N extends EndpointName>(
  userId: string,
  endpoint: N,
  input: RequestInput<N>,
): Promise<ResponseBody<N>> {
  const req = buildRequest(endpoint, input);
  let res = await call(req, await tokenForRequest(userId));
  if (res.status === 401) res = await call(req, await accessTokenFor(userId, { forceRefresh: true }));
  if (res.status === 401) throw new SessionExpiredError("The API refused the session's token");
  if (res.status === 403) throw new ForbiddenError(message(res, "You do not have access to this"));
  if (res.status === 503 || res.status === 502 || res.status === 504) {
    throw new ServiceUnavailableError("api", message(res, "The API is unavailable"));
  }
  if (res.status < 200 || res.status > 299)
    throw new ApiError(res.status, message(res, `The API answered HTTP ${res.status}`));
  try {
    return readResponse(endpoint, res.status, bodyOf(res));
  } catch (err) {
    if (err instanceof ContractError) throw new ApiError(res.status, err.message, { cause: err });
    throw err;
  }
}

/** One token lookup per request, however many API calls a page makes. */
const tokenForRequest = cache((userId: string) => accessTokenFor(userId));

async function call(req: ReturnType<typeof buildRequest>, token: string): Promise<HttpResponse> {
  try {
    // API_URL may carry a path (API Gateway stage, or the local gateway's /_api/<name>).
    return await httpRequest(new URL(`${env.API_URL.replace(/\/$/, "")}${req.path}`), {
      method: req.method,
      headers: {
        ...(req.body === undefined ? {} : { "content-type": "application/json" }),
        authorization: `Bearer ${token}`,
        accept: "application/json",
      },
      ...(req.body === undefined ? {} : { body: req.body }),
      timeoutMs: 10_000,
    });
  } catch (err) {
    throw new ServiceUnavailableError("api", "The API cannot be reached", { cause: err });
  }
}

/** The answer's JSON (undefined when it has no body); text that is not JSON is an {@link ApiError}. */
function bodyOf(res: HttpResponse): unknown {
  if (res.text === "") return undefined;
  try {
    return JSON.parse(res.text);
  } catch (err) {
    throw new ApiError(res.status, "The API answered with a body that is not JSON", { cause: err });
  }
}

/** The `message` of the API's error body (`ApiErrorBody`), or the fallback. */
function message(res: HttpResponse, fallback: string): string {
  try {
    return readErrorBody(JSON.parse(res.text))?.message ?? fallback;
  } catch {
    return fallback;
  }
}
