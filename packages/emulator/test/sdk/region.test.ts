/**
 * The region of a user pool comes from the request, as on AWS, where each region is its own
 * endpoint: the SDK signs for its configured region, and a pool created through that client lives
 * there (ID prefix, ARN, token issuer, trigger events). An unsigned call gets the emulator's
 * default region (EMULATOR_REGION).
 */
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CognitoJwtVerifier } from "aws-jwt-verify";
import type { Jwks } from "aws-jwt-verify/jwk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signingRegionOf } from "../../src/request-info";
import { useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, PASSWORD } from "../support/pool";

describe("region from the request's SigV4 credential scope", () => {
  const t = useEmulator();
  let ireland: CognitoIdentityProviderClient;
  beforeAll(() => {
    ireland = new CognitoIdentityProviderClient({
      endpoint: t.emulator.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
  });
  afterAll(() => ireland.destroy());

  it("creates the pool in the region the SDK signed for, with that region's ARN and issuer", async () => {
    const created = await ireland.send(new CreateUserPoolCommand({ PoolName: "eu-pool" }));
    const poolId = created.UserPool?.Id ?? "";
    expect(poolId).toMatch(/^eu-west-1_[0-9A-Za-z]{9}$/);
    expect(created.UserPool?.Arn).toBe(`arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${poolId}`);
    const described = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(described.UserPool?.Arn).toBe(created.UserPool?.Arn);

    const discovery = (await (
      await fetch(`${t.emulator.url}/${poolId}/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string;
    };
    expect(discovery.issuer).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/${poolId}`);

    const { clientId } = await createClient(ireland, poolId);
    await createConfirmedUser(ireland, poolId, "eu.user@example.com", { email: "eu.user@example.com" });
    const auth = await ireland.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "eu.user@example.com", PASSWORD },
      }),
    );
    const verifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: "id", clientId });
    verifier.cacheJwks(
      (await (await fetch(`${t.emulator.url}/${poolId}/.well-known/jwks.json`)).json()) as Jwks,
    );
    const claims = await verifier.verify(auth.AuthenticationResult?.IdToken ?? "");
    expect(claims.iss).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/${poolId}`);
  });

  it("keeps the default region for a client configured for it, and for unsigned calls", async () => {
    const here = await t.client.send(new CreateUserPoolCommand({ PoolName: "default-pool" }));
    expect(here.UserPool?.Id).toMatch(/^us-east-1_/);
    const unsigned = await fetch(t.emulator.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSCognitoIdentityProviderService.CreateUserPool",
      },
      body: JSON.stringify({ PoolName: "unsigned" }),
    });
    expect(((await unsigned.json()) as { UserPool: { Id: string } }).UserPool.Id).toMatch(/^us-east-1_/);
  });

  it("reads only real region names from the credential scope", () => {
    const header = (region: string) =>
      `AWS4-HMAC-SHA256 Credential=AKID/20261207/${region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=00`;
    expect(signingRegionOf(header("ap-southeast-2"))).toBe("ap-southeast-2");
    expect(signingRegionOf(header("us-gov-west-1"))).toBe("us-gov-west-1");
    expect(signingRegionOf(header("local"))).toBeUndefined();
    expect(signingRegionOf(undefined)).toBeUndefined();
  });
});
