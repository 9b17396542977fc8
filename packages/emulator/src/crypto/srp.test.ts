import { createHash, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createSrpVerifier,
  formatSrpTimestamp,
  padHex,
  parseSrpTimestamp,
  passwordMatches,
  passwordMatchesOffThread,
  SrpError,
  type SrpSessionState,
  startSrp,
  startSrpOffThread,
  verifyPasswordClaim,
  verifyPasswordClaimOffThread,
} from "./srp";

// An independent, BigInt-only client (RFC 5054 group, Cognito's formulas from COGNITO-REFERENCE §3),
// so the OpenSSL-backed server is checked against different arithmetic.
const N = BigInt(
  "0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);

function pow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = ((base % N) + N) % N;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
    e >>= 1n;
  }
  return result;
}

const hexHashToBig = (hex: string) =>
  BigInt(`0x${createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex")}`);
const k = hexHashToBig(padHex(N.toString(16)) + padHex("2"));
const pool = "AbCdEf123";
const userId = "0f3e2c1a-user";
const password = "Correct-Horse-9!";

function x(salt: string, pw: string): bigint {
  const inner = createHash("sha256").update(`${pool}${userId}:${pw}`, "utf8").digest("hex");
  return hexHashToBig(padHex(salt) + inner);
}

function clientSession(pw: string) {
  const a = BigInt(`0x${randomBytes(128).toString("hex")}`);
  const srpA = pow(2n, a).toString(16);
  return {
    srpA,
    sign(
      challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string; USER_ID_FOR_SRP: string },
      timestamp: string,
    ) {
      const bigB = BigInt(`0x${challenge.SRP_B}`);
      const u = hexHashToBig(padHex(srpA) + padHex(challenge.SRP_B));
      const xv = x(challenge.SALT, pw);
      const s = pow(bigB - k * pow(2n, xv), a + u * xv);
      const prk = createHmac("sha256", Buffer.from(padHex(u.toString(16)), "hex"))
        .update(Buffer.from(padHex(s.toString(16)), "hex"))
        .digest();
      const key = createHmac("sha256", prk).update("Caldera Derived Key\u0001").digest().subarray(0, 16);
      return createHmac("sha256", key)
        .update(
          Buffer.concat([
            Buffer.from(pool),
            Buffer.from(challenge.USER_ID_FOR_SRP),
            Buffer.from(challenge.SECRET_BLOCK, "base64"),
            Buffer.from(timestamp),
          ]),
        )
        .digest("base64");
    },
  };
}

const now = new Date(Date.UTC(2024, 2, 5, 9, 7, 3));
const timestamp = "Tue Mar 5 09:07:03 UTC 2024";
const stored = createSrpVerifier(pool, userId, password);

function handshake(pw: string) {
  const client = clientSession(pw);
  const { challengeParameters, state } = startSrp({
    poolShortName: pool,
    userIdForSrp: userId,
    stored,
    srpA: client.srpA,
  });
  return { challengeParameters, state, signature: client.sign(challengeParameters, timestamp) };
}

function claim(
  state: SrpSessionState,
  signature: string,
  overrides: Partial<Parameters<typeof verifyPasswordClaim>[0]> = {},
) {
  return verifyPasswordClaim({
    poolShortName: pool,
    state,
    passwordClaimSignature: signature,
    passwordClaimSecretBlock: state.secretBlock,
    timestamp,
    now,
    ...overrides,
  });
}

describe("padHex", () => {
  it("pads like Java BigInteger.toByteArray (the clients' padHex)", () => {
    expect(padHex("14")).toBe("14");
    expect(padHex("ec")).toBe("00ec");
    expect(padHex("c8")).toBe("00c8");
    expect(padHex("abc")).toBe("0abc");
    expect(padHex("80")).toBe("0080");
    expect(padHex("0000ff")).toBe("00ff");
    expect(padHex("7F")).toBe("7f");
    expect(padHex("0")).toBe("00");
  });
});

describe("SRP timestamps", () => {
  it("formats as ddd MMM D HH:mm:ss UTC YYYY with an unpadded day", () => {
    expect(formatSrpTimestamp(now)).toBe(timestamp);
    expect(formatSrpTimestamp(new Date(Date.UTC(2026, 10, 27, 23, 0, 59)))).toBe(
      "Fri Nov 27 23:00:59 UTC 2026",
    );
  });

  it("parses the clients' format and refuses near misses", () => {
    expect(parseSrpTimestamp(timestamp)?.getTime()).toBe(now.getTime());
    expect(parseSrpTimestamp("Tue Mar 05 09:07:03 UTC 2024")).toBeUndefined();
    expect(parseSrpTimestamp("Wed Mar 5 09:07:03 UTC 2024")).toBeUndefined();
    expect(parseSrpTimestamp("Sat Feb 30 09:07:03 UTC 2024")).toBeUndefined();
    expect(parseSrpTimestamp("Tue Mar 5 9:07:03 UTC 2024")).toBeUndefined();
    expect(parseSrpTimestamp("Tue Mar 5 09:07:03 GMT 2024")).toBeUndefined();
    expect(parseSrpTimestamp("2024-03-05T09:07:03Z")).toBeUndefined();
  });
});

describe("createSrpVerifier", () => {
  it("stores g^x mod N with a fresh salt and never the password", () => {
    const other = createSrpVerifier(pool, userId, password);
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.verifier).toMatch(/^[0-9a-f]{768}$/);
    expect(BigInt(`0x${stored.verifier}`)).toBe(pow(2n, x(stored.salt, password)));
    expect(other.salt).not.toBe(stored.salt);
    expect(other.verifier).not.toBe(stored.verifier);
    expect(JSON.stringify(stored)).not.toContain(password);
  });
});

describe("passwordMatches", () => {
  it("accepts the password the verifier was made from", () => {
    expect(passwordMatches(pool, userId, password, stored)).toBe(true);
  });

  it("refuses another password, user or pool", () => {
    expect(passwordMatches(pool, userId, `${password}x`, stored)).toBe(false);
    expect(passwordMatches(pool, "someone-else", password, stored)).toBe(false);
    expect(passwordMatches("OtherPool1", userId, password, stored)).toBe(false);
  });

  it("refuses a corrupted verifier instead of throwing", () => {
    expect(passwordMatches(pool, userId, password, { ...stored, verifier: "zz" })).toBe(false);
    const last = stored.verifier.slice(-1) === "0" ? "1" : "0";
    const tampered = `${stored.verifier.slice(0, -1)}${last}`;
    expect(passwordMatches(pool, userId, password, { ...stored, verifier: tampered })).toBe(false);
  });
});

describe("startSrp", () => {
  it("returns B = k*v + g^b mod N and Cognito's challenge parameters", () => {
    const { challengeParameters, state } = handshake(password);
    expect(Object.keys(challengeParameters).sort()).toEqual([
      "SALT",
      "SECRET_BLOCK",
      "SRP_B",
      "USER_ID_FOR_SRP",
    ]);
    expect(challengeParameters.SALT).toBe(stored.salt);
    expect(challengeParameters.USER_ID_FOR_SRP).toBe(userId);
    expect(Buffer.from(challengeParameters.SECRET_BLOCK, "base64").length).toBeGreaterThanOrEqual(256);
    const expectedB = (k * BigInt(`0x${stored.verifier}`) + pow(2n, BigInt(`0x${state.b}`))) % N;
    expect(challengeParameters.SRP_B).toBe(expectedB.toString(16));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("throws SrpError when A mod N is 0 or A is not hex", () => {
    const start = (srpA: string) => () =>
      startSrp({ poolShortName: pool, userIdForSrp: userId, stored, srpA });
    expect(start("0")).toThrow(SrpError);
    expect(start(N.toString(16))).toThrow(SrpError);
    expect(start((2n * N).toString(16))).toThrow(SrpError);
    expect(start("xyz")).toThrow(SrpError);
    expect(start("")).toThrow(SrpError);
  });
});

describe("verifyPasswordClaim", () => {
  it("accepts a client that knows the password", () => {
    const { state, signature } = handshake(password);
    expect(claim(state, signature)).toBe(true);
  });

  it("accepts the claim after a JSON round trip of the state (as the store keeps it)", () => {
    const { state, signature } = handshake(password);
    expect(claim(JSON.parse(JSON.stringify(state)) as SrpSessionState, signature)).toBe(true);
  });

  it("refuses a client with the wrong password", () => {
    const { state, signature } = handshake("Wrong-Horse-9!");
    expect(claim(state, signature)).toBe(false);
  });

  it("refuses a tampered signature or secret block", () => {
    const { state, signature } = handshake(password);
    const flipped = Buffer.from(signature, "base64");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(claim(state, flipped.toString("base64"))).toBe(false);
    expect(claim(state, "")).toBe(false);
    expect(claim(state, signature, { passwordClaimSecretBlock: randomBytes(384).toString("base64") })).toBe(
      false,
    );
  });

  it("refuses a signature made for another session", () => {
    const first = handshake(password);
    const second = handshake(password);
    expect(claim(second.state, first.signature)).toBe(false);
  });

  it("refuses timestamps outside ±5 minutes or in another format", () => {
    const { state, signature } = handshake(password);
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(claim(state, signature, { now: later(5 * 60_000) })).toBe(true);
    expect(claim(state, signature, { now: later(5 * 60_000 + 1000) })).toBe(false);
    expect(claim(state, signature, { now: later(-(5 * 60_000 + 1000)) })).toBe(false);
    expect(claim(state, signature, { timestamp: "Tue Mar 05 09:07:03 UTC 2024" })).toBe(false);
  });

  it("refuses a degenerate A without crashing", () => {
    const { state, signature } = handshake(password);
    expect(claim({ ...state, srpA: (N + 1n).toString(16) }, signature)).toBe(false);
    expect(claim({ ...state, srpA: (N - 1n).toString(16) }, signature)).toBe(false);
  });
});

describe("off-thread variants (the sign-in hot paths)", () => {
  it("check a plain password exactly as passwordMatches does", async () => {
    await expect(passwordMatchesOffThread(pool, userId, password, stored)).resolves.toBe(true);
    await expect(passwordMatchesOffThread(pool, userId, "Wrong-Horse-9!", stored)).resolves.toBe(false);
    await expect(
      passwordMatchesOffThread(pool, userId, password, { salt: stored.salt, verifier: "zz" }),
    ).resolves.toBe(false);
  });

  it("run the SRP handshake against the independent client, right and wrong password", async () => {
    for (const [pw, expected] of [
      [password, true],
      ["Wrong-Horse-9!", false],
    ] as const) {
      const client = clientSession(pw);
      const { challengeParameters, state } = await startSrpOffThread({
        poolShortName: pool,
        userIdForSrp: userId,
        stored,
        srpA: client.srpA,
      });
      const signature = client.sign(challengeParameters, timestamp);
      await expect(
        verifyPasswordClaimOffThread({
          poolShortName: pool,
          state,
          passwordClaimSignature: signature,
          passwordClaimSecretBlock: state.secretBlock,
          timestamp,
          now,
        }),
      ).resolves.toBe(expected);
      // The synchronous verifier agrees with the off-thread one on the same session.
      expect(claim(state, signature)).toBe(expected);
    }
  });

  it("refuses a degenerate A off-thread too", async () => {
    await expect(
      startSrpOffThread({ poolShortName: pool, userIdForSrp: userId, stored, srpA: N.toString(16) }),
    ).rejects.toThrow(SrpError);
  });
});
