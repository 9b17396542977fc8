/**
 * Drives the server side of SRP (`src/crypto/srp.ts`) with the real client code of
 * amazon-cognito-identity-js, in process: first its own `CognitoUser.authenticateUser` with the
 * network client swapped for a function that calls our crypto, then its `AuthenticationHelper`
 * step by step (the same calls `authenticateUserDefaultAuth` makes) to tamper with single fields.
 */
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from "amazon-cognito-identity-js";
import { CognitoJwtVerifier } from "aws-jwt-verify";
import { describe, expect, it } from "vitest";
import { generateSigningKey, jwksOf, signJwt } from "../../src/crypto/jwt";
import {
  createSrpVerifier,
  passwordMatches,
  type SrpChallengeParameters,
  type SrpSessionState,
  startSrp,
  verifyPasswordClaim,
} from "../../src/crypto/srp";

// The library's index.d.ts does not declare these; CognitoUser uses them exactly like this.
interface BigIntegerInstance {
  toString(radix: number): string;
  modPow(
    exponent: BigIntegerInstance,
    modulus: BigIntegerInstance,
    callback: (error: unknown, value: BigIntegerInstance) => void,
  ): void;
}
interface AuthenticationHelperInstance {
  N: BigIntegerInstance;
  g: BigIntegerInstance;
  padHex(value: BigIntegerInstance): string;
  hash(value: string): string;
  hexHash(hex: string): string;
  getLargeAValue(callback: (error: unknown, value: BigIntegerInstance) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: BigIntegerInstance,
    salt: BigIntegerInstance,
    callback: (error: unknown, hkdf: Uint8Array) => void,
  ): void;
}
const require = createRequire(import.meta.url);
const AuthenticationHelper: new (poolName: string) => AuthenticationHelperInstance =
  require("amazon-cognito-identity-js/lib/AuthenticationHelper").default;
const DateHelper: new () => { getNowString(): string } =
  require("amazon-cognito-identity-js/lib/DateHelper").default;
const BigInteger: new (value: string, radix: number) => BigIntegerInstance =
  require("amazon-cognito-identity-js/lib/BigInteger").default;

const region = "eu-west-1";
const poolShortName = "Xy7Qp2LmN";
const userPoolId = `${region}_${poolShortName}`;
const clientId = "3n4b5urk1ft4fl3mg5e62d9ado";
const email = "alice@example.com";
// Pools with email as the username attribute answer with the internal username (the sub).
const userIdForSrp = "6f1c2a1e-53a4-4b42-8f5e-6a2bd6e7c0d1";
const password = "Tr0ub4dor&3-horse";
const stored = createSrpVerifier(poolShortName, userIdForSrp, password);
const idKey = generateSigningKey();
const accessKey = generateSigningKey();
const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;

type Callback = (error: { code: string; name: string; message: string } | null, data?: unknown) => void;

/** Stands in for Cognito's InitiateAuth / RespondToAuthChallenge, using only our crypto. */
function fakeCognito(
  options: { now?: () => Date; tamper?: (responses: Record<string, string>) => void } = {},
) {
  const sessions = new Map<string, SrpSessionState>();
  const calls: string[] = [];
  const refuse = (callback: Callback) =>
    callback({
      code: "NotAuthorizedException",
      name: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
  const request = (operation: string, params: Record<string, unknown>, callback: Callback) => {
    calls.push(operation);
    if (operation === "InitiateAuth") {
      const auth = params.AuthParameters as Record<string, string>;
      expect(params.AuthFlow).toBe("USER_SRP_AUTH");
      expect(auth.USERNAME).toBe(email);
      const { challengeParameters, state } = startSrp({
        poolShortName,
        userIdForSrp,
        stored,
        srpA: auth.SRP_A ?? "",
      });
      const session = `session-${sessions.size}`;
      sessions.set(session, state);
      return callback(null, {
        ChallengeName: "PASSWORD_VERIFIER",
        ChallengeParameters: challengeParameters,
        Session: session,
      });
    }
    if (operation === "RespondToAuthChallenge") {
      const responses = { ...(params.ChallengeResponses as Record<string, string>) };
      options.tamper?.(responses);
      const state = sessions.get(params.Session as string);
      if (!state || responses.USERNAME !== state.userIdForSrp) return refuse(callback);
      const ok = verifyPasswordClaim({
        poolShortName,
        state,
        passwordClaimSignature: responses.PASSWORD_CLAIM_SIGNATURE ?? "",
        passwordClaimSecretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK ?? "",
        timestamp: responses.TIMESTAMP ?? "",
        now: options.now?.() ?? new Date(),
      });
      if (!ok) return refuse(callback);
      const iat = Math.floor(Date.now() / 1000);
      const common = { sub: userIdForSrp, iss: issuer, iat, exp: iat + 3600, auth_time: iat };
      return callback(null, {
        ChallengeParameters: {},
        AuthenticationResult: {
          AccessToken: signJwt(
            {
              ...common,
              token_use: "access",
              client_id: clientId,
              username: userIdForSrp,
              scope: "aws.cognito.signin.user.admin",
            },
            accessKey,
          ),
          IdToken: signJwt(
            { ...common, token_use: "id", aud: clientId, "cognito:username": userIdForSrp, email },
            idKey,
          ),
          RefreshToken: "opaque",
          ExpiresIn: 3600,
          TokenType: "Bearer",
        },
      });
    }
    throw new Error(`unexpected operation ${operation}`);
  };
  return { request, calls };
}

/** amazon-cognito-identity-js's own sign-in (`authenticateUser`, default USER_SRP_AUTH) against the fake. */
function signIn(pw: string, fake: ReturnType<typeof fakeCognito>): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId });
  (pool as unknown as { client: { request: typeof fake.request } }).client = { request: fake.request };
  const user = new CognitoUser({ Username: email, Pool: pool });
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: pw }), {
      onSuccess: resolve,
      onFailure: reject,
    });
  });
}

describe("SRP with amazon-cognito-identity-js CognitoUser.authenticateUser", () => {
  it("signs in with the right password, and aws-jwt-verify accepts the tokens", async () => {
    const fake = fakeCognito();
    const session = await signIn(password, fake);
    expect(fake.calls).toEqual(["InitiateAuth", "RespondToAuthChallenge"]);
    expect(session.getIdToken().payload.email).toBe(email);
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: "access", clientId });
    verifier.cacheJwks(jwksOf([idKey, accessKey]));
    const claims = await verifier.verify(session.getAccessToken().getJwtToken());
    expect(claims.sub).toBe(userIdForSrp);
  });

  it("fails with NotAuthorizedException for a wrong password", async () => {
    await expect(signIn("Tr0ub4dor&3-horsE", fakeCognito())).rejects.toMatchObject({
      code: "NotAuthorizedException",
    });
  });

  it("fails when the echoed secret block was tampered with", async () => {
    const fake = fakeCognito({
      tamper: (responses) => {
        const block = Buffer.from(responses.PASSWORD_CLAIM_SECRET_BLOCK ?? "", "base64");
        block[0] = (block[0] ?? 0) ^ 0xff;
        responses.PASSWORD_CLAIM_SECRET_BLOCK = block.toString("base64");
      },
    });
    await expect(signIn(password, fake)).rejects.toMatchObject({ code: "NotAuthorizedException" });
  });

  it("fails when the answer arrives more than 5 minutes after its TIMESTAMP", async () => {
    const fake = fakeCognito({ now: () => new Date(Date.now() + 6 * 60_000) });
    await expect(signIn(password, fake)).rejects.toMatchObject({ code: "NotAuthorizedException" });
  });
});

/** The calls `authenticateUserDefaultAuth` makes, one by one, so single fields can be changed. */
async function clientClaim(pw: string, start: (srpA: string) => SrpChallengeParameters, timestamp?: string) {
  const helper = new AuthenticationHelper(poolShortName);
  const largeA = await new Promise<BigIntegerInstance>((resolve, reject) =>
    helper.getLargeAValue((error, value) => (error ? reject(error) : resolve(value))),
  );
  const challenge = start(largeA.toString(16));
  const hkdf = await new Promise<Uint8Array>((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      challenge.USER_ID_FOR_SRP,
      pw,
      new BigInteger(challenge.SRP_B, 16),
      new BigInteger(challenge.SALT, 16),
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
  const dateNow = timestamp ?? new DateHelper().getNowString();
  const signature = createHmac("sha256", hkdf)
    .update(
      Buffer.concat([
        Buffer.from(poolShortName, "utf8"),
        Buffer.from(challenge.USER_ID_FOR_SRP, "utf8"),
        Buffer.from(challenge.SECRET_BLOCK, "base64"),
        Buffer.from(dateNow, "utf8"),
      ]),
    )
    .digest("base64");
  return { challenge, timestamp: dateNow, signature };
}

describe("SRP with amazon-cognito-identity-js AuthenticationHelper", () => {
  async function run(pw: string, timestamp?: string) {
    let state: SrpSessionState | undefined;
    const claim = await clientClaim(
      pw,
      (srpA) => {
        const started = startSrp({ poolShortName, userIdForSrp, stored, srpA });
        state = started.state;
        return started.challengeParameters;
      },
      timestamp,
    );
    if (!state) throw new Error("startSrp was not called");
    return { ...claim, state };
  }
  const verify = (
    claim: Awaited<ReturnType<typeof run>>,
    overrides: Partial<Parameters<typeof verifyPasswordClaim>[0]> = {},
  ) =>
    verifyPasswordClaim({
      poolShortName,
      state: claim.state,
      passwordClaimSignature: claim.signature,
      passwordClaimSecretBlock: claim.challenge.SECRET_BLOCK,
      timestamp: claim.timestamp,
      ...overrides,
    });

  it("accepts the right password in repeated sessions (A, B, u and S vary, with and without padHex's 00)", async () => {
    for (let i = 0; i < 4; i++) expect(verify(await run(password))).toBe(true);
  });

  it("treats salts with leading zeros or the top bit set exactly like the client", async () => {
    // A verifier built with the client's own padHex/hash/modPow, as generateHashDevice does.
    for (const salt of [`00${"a1".repeat(15)}`, `0${"7".repeat(31)}`, `f${"3".repeat(31)}`]) {
      const helper = new AuthenticationHelper(poolShortName);
      const x = new BigInteger(
        helper.hexHash(
          helper.padHex(new BigInteger(salt, 16)) +
            helper.hash(`${poolShortName}${userIdForSrp}:${password}`),
        ),
        16,
      );
      const v = await new Promise<BigIntegerInstance>((resolve, reject) =>
        helper.g.modPow(x, helper.N, (error, value) => (error ? reject(error) : resolve(value))),
      );
      const saltedStore = { salt, verifier: v.toString(16) };
      expect(passwordMatches(poolShortName, userIdForSrp, password, saltedStore)).toBe(true);
      let state: SrpSessionState | undefined;
      const claim = await clientClaim(password, (srpA) => {
        const started = startSrp({ poolShortName, userIdForSrp, stored: saltedStore, srpA });
        state = started.state;
        return started.challengeParameters;
      });
      if (!state) throw new Error("startSrp was not called");
      expect(verify({ ...claim, state })).toBe(true);
    }
  });

  it("rejects a wrong password", async () => {
    expect(verify(await run("wrong-password"))).toBe(false);
  });

  it("rejects a different secret block than the one issued", async () => {
    const claim = await run(password);
    const other = await run(password);
    expect(verify(claim, { passwordClaimSecretBlock: other.challenge.SECRET_BLOCK })).toBe(false);
  });

  it("rejects a stale timestamp even with a valid signature over it", async () => {
    const claim = await run(password, "Mon Jan 1 00:00:00 UTC 2024");
    expect(verify(claim, { now: new Date(Date.UTC(2024, 0, 1, 0, 0, 0)) })).toBe(true);
    expect(verify(claim)).toBe(false);
  });

  it("rejects a signature replayed with a changed timestamp", async () => {
    const claim = await run(password);
    // Another second of the same minute: still a well-formed, fresh timestamp.
    const changed = claim.timestamp.replace(
      / (\d\d):(\d\d):(\d\d) UTC/,
      (_: string, h: string, m: string, s: string) =>
        ` ${h}:${m}:${String((Number(s) + 1) % 60).padStart(2, "0")} UTC`,
    );
    expect(changed).not.toBe(claim.timestamp);
    expect(verify(claim, { timestamp: changed })).toBe(false);
  });
});
