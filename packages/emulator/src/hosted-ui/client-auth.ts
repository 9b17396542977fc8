/**
 * Client authentication at the token and revocation endpoints: `client_secret_basic` or
 * `client_secret_post` for clients with a secret, `client_id` alone for public clients.
 *
 * @module
 */
import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import type { Services } from "../cognito-idp/services";
import type { ClientRecord } from "../store/types";
import { clientOfPool, type HostedDomain } from "./domain";
import { OAuthError } from "./errors";

const invalidClient = (description: string) => new OAuthError("invalid_client", description);

function decodeBasic(header: string): { id: string; secret: string } {
  const encoded = header.slice("Basic ".length).trim();
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw invalidClient("Malformed Basic authorization header.");
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined.
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw invalidClient("Malformed Basic authorization header.");
  }
}

function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The authenticated client of a token or revoke request (`invalid_client`, 401, otherwise). */
export function authenticateClient(
  services: Services,
  c: Context,
  hd: HostedDomain,
  body: Record<string, string>,
): ClientRecord {
  const header = c.req.header("authorization");
  let id = body.client_id;
  let secret = body.client_secret;
  if (header?.startsWith("Basic ")) {
    if (secret !== undefined) {
      throw new OAuthError(
        "invalid_request",
        "Use one client authentication method, not Basic and the body.",
      );
    }
    const basic = decodeBasic(header);
    if (id !== undefined && id !== basic.id)
      throw invalidClient("client_id does not match the Basic credentials.");
    id = basic.id;
    secret = basic.secret;
  }
  if (!id) throw invalidClient("Client authentication is required.");
  const client = clientOfPool(services, hd.pool, id);
  if (!client) throw invalidClient("Unknown client.");
  if (client.ClientSecret) {
    if (!secret || !secretsEqual(secret, client.ClientSecret)) throw invalidClient("Invalid client secret.");
  } else if (secret) {
    throw invalidClient("The client has no secret.");
  }
  return client;
}
