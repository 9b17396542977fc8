import "server-only";
import { z } from "zod";
import { env } from "~/env";
import { ServiceUnavailableError } from "./errors";

const Discovery = z.object({
  issuer: z.string(),
  token_endpoint: z.url(),
  end_session_endpoint: z.url().optional(),
  revocation_endpoint: z.url().optional(),
});
export type DiscoveryDocument = z.output<typeof Discovery>;

/** Where the pool's discovery document is: the emulator locally, the issuer on AWS. */
export const wellKnownUrl =
  env.COGNITO_WELL_KNOWN ?? `${env.COGNITO_ISSUER}/.well-known/openid-configuration`;

let cached: Promise<DiscoveryDocument> | undefined;

/** The pool's OIDC discovery document, fetched once and checked against the configured issuer. */
export function discovery(): Promise<DiscoveryDocument> {
  cached ??= (async () => {
    let res: Response;
    try {
      res = await fetch(wellKnownUrl, { signal: AbortSignal.timeout(5000), cache: "no-store" });
    } catch (err) {
      throw new ServiceUnavailableError("sign-in", "The sign-in service cannot be reached", { cause: err });
    }
    if (!res.ok) throw new ServiceUnavailableError("sign-in", `Discovery answered HTTP ${res.status}`);
    const doc = Discovery.parse(await res.json());
    if (doc.issuer !== env.COGNITO_ISSUER) {
      throw new Error(`Discovery issuer ${doc.issuer} is not the configured ${env.COGNITO_ISSUER}`);
    }
    return doc;
  })().catch((err: unknown) => {
    cached = undefined; // try again on the next request
    throw err;
  });
  return cached;
}
