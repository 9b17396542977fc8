import "server-only";
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from "@aws-sdk/client-cognito-identity";
import { env } from "~/env";
import { type FilesAccess, s3Location, type TemporaryCredentials } from "~/files-config";
import { ServiceUnavailableError, SessionExpiredError } from "./errors";
import { idTokenFor } from "./token-store";

export type { FilesAccess, TemporaryCredentials };

/**
 * Short-lived AWS credentials for the Files page, from the identity pool (enhanced flow: GetId,
 * then GetCredentialsForIdentity). The user's ID token is the login and never leaves the server;
 * the browser receives only what it needs to call S3 itself: the credentials of the pool's role
 * (IAM limits them to `private/<identityId>/` and `public/`), the identity ID and the bucket.
 */

/** The two identity-pool calls, so that the exchange logic is tested without the network. */
export interface IdentityPoolApi {
  getId(logins?: Record<string, string>): Promise<string>;
  getCredentials(identityId: string, logins?: Record<string, string>): Promise<TemporaryCredentials>;
}

/** `cognito-idp.{region}.amazonaws.com/{userPoolId}`: the pool's key in `Logins` (its issuer without the scheme). */
export function loginsKeyOf(issuer: string): string {
  const url = new URL(issuer);
  return `${url.host}${url.pathname.replace(/\/$/, "")}`;
}

function errorName(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "name" in err ? String(err.name) : undefined;
}

/** Errors of the identity pool (and the wire) as the pages handle them. */
function translate(err: unknown): unknown {
  if (err instanceof SessionExpiredError || err instanceof ServiceUnavailableError) return err;
  const name = errorName(err);
  if (name === "NotAuthorizedException") {
    return new SessionExpiredError("The identity pool refused the session's ID token", { cause: err });
  }
  const isServiceError = typeof err === "object" && err !== null && "$metadata" in err;
  const isNetworkError =
    name === "TimeoutError" ||
    name === "AbortError" ||
    (typeof err === "object" && err !== null && "code" in err && /^E[A-Z]+/.test(String(err.code)));
  if (isServiceError || isNetworkError) {
    return new ServiceUnavailableError("files", `The identity pool cannot give credentials (${name})`, {
      cause: err,
    });
  }
  return err;
}

/**
 * A signed-in user's identity and credentials. The pool refuses an ID token that has expired or
 * whose user signed out everywhere (server-side token check): one retry with a freshly refreshed
 * token, then {@link SessionExpiredError} (the caller ends the session).
 */
export async function exchangeIdToken(
  api: IdentityPoolApi,
  loginsKey: string,
  idToken: (opts: { forceRefresh: boolean }) => Promise<string>,
): Promise<{ identityId: string; credentials: TemporaryCredentials }> {
  let refused: unknown;
  for (const forceRefresh of [false, true]) {
    try {
      const logins = { [loginsKey]: await idToken({ forceRefresh }) };
      const identityId = await api.getId(logins);
      return { identityId, credentials: await api.getCredentials(identityId, logins) };
    } catch (err) {
      if (errorName(err) !== "NotAuthorizedException") throw translate(err);
      refused = err;
    }
  }
  throw translate(refused);
}

/** Remembers the one guest identity this server uses for every visitor (guests only read public/). */
export interface GuestIdentityCache {
  get(): string | undefined;
  set(identityId: string | undefined): void;
}

/**
 * Guest credentials (the pool's unauthenticated role), or null when the pool allows no guests.
 * Every anonymous visitor gets credentials of the same guest identity: GetId without a login makes
 * a new identity on each call, and the role only reads public files, so one is enough.
 */
export async function exchangeGuest(
  api: IdentityPoolApi,
  cache: GuestIdentityCache,
): Promise<{ identityId: string; credentials: TemporaryCredentials } | null> {
  for (const attempt of [1, 2]) {
    const known = cache.get();
    try {
      const identityId = known ?? (await api.getId());
      const credentials = await api.getCredentials(identityId);
      cache.set(identityId);
      return { identityId, credentials };
    } catch (err) {
      const name = errorName(err);
      // A remembered identity may have been deleted: start again with a new one.
      if (
        known &&
        attempt === 1 &&
        (name === "ResourceNotFoundException" || name === "NotAuthorizedException")
      ) {
        cache.set(undefined);
        continue;
      }
      // "Unauthenticated access is not supported for this identity pool."
      if (name === "NotAuthorizedException") return null;
      throw translate(err);
    }
  }
  return null;
}

/** The identity pool through the AWS SDK (GetId and GetCredentialsForIdentity are unsigned calls). */
export function sdkIdentityPoolApi(client: CognitoIdentityClient, identityPoolId: string): IdentityPoolApi {
  return {
    async getId(logins) {
      const res = await client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }));
      if (!res.IdentityId) throw new ServiceUnavailableError("files", "GetId returned no identity");
      return res.IdentityId;
    },
    async getCredentials(identityId, logins) {
      const res = await client.send(
        new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
      );
      const c = res.Credentials;
      if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration) {
        throw new ServiceUnavailableError("files", "GetCredentialsForIdentity returned no credentials");
      }
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration.getTime(),
      };
    },
  };
}

const files =
  env.COGNITO_IDENTITY_POOL_ID && env.FILES_BUCKET
    ? {
        identityPoolId: env.COGNITO_IDENTITY_POOL_ID,
        s3: s3Location({ bucket: env.FILES_BUCKET, region: env.AWS_REGION, endpoint: env.S3_ENDPOINT }),
      }
    : undefined;

/** False when the site is deployed without an identity pool or bucket: the Files page says so. */
export const filesConfigured = files !== undefined;

let api: IdentityPoolApi | undefined;
function identityPool(): { api: IdentityPoolApi; identityPoolId: string; s3: FilesAccess["s3"] } {
  if (!files) throw new ServiceUnavailableError("files", "Files are not configured on this site");
  api ??= sdkIdentityPoolApi(
    new CognitoIdentityClient({
      region: env.AWS_REGION,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3000, requestTimeout: 5000 },
      ...(env.COGNITO_IDENTITY_ENDPOINT ? { endpoint: env.COGNITO_IDENTITY_ENDPOINT } : {}),
    }),
    files.identityPoolId,
  );
  const { bucket, region, endpoint, forcePathStyle } = files.s3;
  return {
    api,
    identityPoolId: files.identityPoolId,
    s3: { bucket, region, forcePathStyle, ...(endpoint ? { endpoint } : {}) },
  };
}

/** The signed-in user's access to their files (throws SessionExpiredError / ServiceUnavailableError). */
export async function filesAccessFor(userId: string): Promise<FilesAccess> {
  const pool = identityPool();
  const { identityId, credentials } = await exchangeIdToken(
    pool.api,
    loginsKeyOf(env.COGNITO_ISSUER),
    ({ forceRefresh }) => idTokenFor(userId, { forceRefresh }),
  );
  return { identityId, privatePrefix: `private/${identityId}/`, credentials, s3: pool.s3 };
}

let guestIdentityId: string | undefined;
const guestCache: GuestIdentityCache = {
  get: () => guestIdentityId,
  set: (id) => {
    guestIdentityId = id;
  },
};

/** A visitor's read access to public files, or null when the identity pool allows no guests. */
export async function guestFilesAccess(): Promise<FilesAccess | null> {
  const pool = identityPool();
  const guest = await exchangeGuest(pool.api, guestCache);
  return guest ? { ...guest, privatePrefix: null, s3: pool.s3 } : null;
}
