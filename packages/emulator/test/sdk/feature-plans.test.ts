import {
  type CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  DescribeUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:pre-token";

/** Each gated setting, the plan it needs, and its name in AWS's message. */
const GATED: {
  feature: string;
  minimum: "ESSENTIALS" | "PLUS";
  input: Partial<CreateUserPoolCommandInput>;
}[] = [
  {
    feature: "Threat Protection",
    minimum: "PLUS",
    input: { UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } },
  },
  {
    feature: "Threat Protection",
    minimum: "PLUS",
    input: { UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" } },
  },
  {
    feature: "Access Token Customization",
    minimum: "ESSENTIALS",
    input: { LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: LAMBDA, LambdaVersion: "V2_0" } } },
  },
  {
    feature: "Password History",
    minimum: "ESSENTIALS",
    input: { Policies: { PasswordPolicy: { MinimumLength: 8, PasswordHistorySize: 5 } } },
  },
];

const below = { PLUS: "ESSENTIALS", ESSENTIALS: "LITE" } as const;

async function create(client: CognitoIdentityProviderClient, input: Partial<CreateUserPoolCommandInput>) {
  const r = await client.send(new CreateUserPoolCommand({ PoolName: "plans", ...input }));
  return r.UserPool?.Id ?? "";
}

describe("user pool feature plans", () => {
  const t = useEmulator();

  for (const { feature, minimum, input } of GATED) {
    it(`refuses ${feature} (${JSON.stringify(input)}) below ${minimum} and accepts it at ${minimum}`, async () => {
      const tier = below[minimum];
      const err = await errorOf(
        t.client.send(new CreateUserPoolCommand({ PoolName: "p", UserPoolTier: tier, ...input })),
      );
      expect(err.name).toBe("FeatureUnavailableInTierException");
      expect(err.message).toBe(
        `The following features need to be disabled for the ${tier} pricing tier configured: ${feature}`,
      );
      const id = await create(t.client, { UserPoolTier: minimum, ...input });
      const d = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
      expect(d.UserPool?.UserPoolTier).toBe(minimum);
    });
  }

  it("defaults to ESSENTIALS, so threat protection without a tier is refused as AWS refuses it", async () => {
    const id = await create(t.client, {});
    const d = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    expect(d.UserPool?.UserPoolTier).toBe("ESSENTIALS");
    const err = await errorOf(
      t.client.send(
        new CreateUserPoolCommand({ PoolName: "p", UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } }),
      ),
    );
    expect(err.message).toBe(
      "The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection",
    );
  });

  it("refuses an unknown tier with a validation error", async () => {
    const err = await errorOf(
      t.client.send(
        new CreateUserPoolCommand({
          PoolName: "p",
          UserPoolTier: "GOLD" as CreateUserPoolCommandInput["UserPoolTier"],
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
    expect(err.message).toBe(
      "1 validation error detected: Value 'GOLD' at 'userPoolTier' failed to satisfy constraint: Member must satisfy enum value set: [LITE, ESSENTIALS, PLUS]",
    );
  });

  it("UpdateUserPool refuses turning a feature on above the plan, and lowering the plan under one", async () => {
    const id = await create(t.client, {
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
    });
    const lower = await errorOf(
      t.client.send(
        new UpdateUserPoolCommand({
          UserPoolId: id,
          UserPoolTier: "ESSENTIALS",
          UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
        }),
      ),
    );
    expect(lower.name).toBe("FeatureUnavailableInTierException");
    const kept = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    expect(kept.UserPool?.UserPoolTier).toBe("PLUS");
    const lite = await create(t.client, { UserPoolTier: "LITE" });
    const on = await errorOf(
      t.client.send(
        new UpdateUserPoolCommand({
          UserPoolId: lite,
          UserPoolTier: "LITE",
          Policies: { PasswordPolicy: { PasswordHistorySize: 3 } },
        }),
      ),
    );
    expect(on.message).toBe(
      "The following features need to be disabled for the LITE pricing tier configured: Password History",
    );
    await t.client.send(
      new UpdateUserPoolCommand({
        UserPoolId: lite,
        UserPoolTier: "PLUS",
        UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" },
      }),
    );
    const up = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: lite }));
    expect(up.UserPool?.UserPoolTier).toBe("PLUS");
  });

  it("SetUserPoolMfaConfig refuses email MFA on LITE and accepts it on ESSENTIALS", async () => {
    const ses = {
      EmailSendingAccount: "DEVELOPER" as const,
      SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
    };
    const emailMfa = (UserPoolId: string) =>
      t.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId,
          MfaConfiguration: "OPTIONAL",
          EmailMfaConfiguration: { Subject: "Code", Message: "Your code is {####}" },
        }),
      );
    const lite = await create(t.client, { UserPoolTier: "LITE", EmailConfiguration: ses });
    const err = await errorOf(emailMfa(lite));
    expect(err).toMatchObject({ name: "FeatureUnavailableInTierException" });
    expect(err.message).toContain("Email MFA");
    const essentials = await create(t.client, { UserPoolTier: "ESSENTIALS", EmailConfiguration: ses });
    const ok = await emailMfa(essentials);
    expect(ok.EmailMfaConfiguration?.Subject).toBe("Code");
  });
});
