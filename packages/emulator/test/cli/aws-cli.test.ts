import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";

const run = promisify(execFile);

function awsOnPath(): boolean {
  try {
    execFileSync("aws", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const hasAws = awsOnPath();

/** The seed's own command, run by the real aws CLI (only where `aws` is installed). */
describe.runIf(hasAws)("aws cognito-idp (CLI)", () => {
  const t = useEmulator();
  const aws = (args: string[]) =>
    run("aws", [
      "cognito-idp",
      ...args,
      "--endpoint-url",
      t.emulator.url,
      "--region",
      "us-east-1",
      "--no-sign-request",
      "--output",
      "json",
    ]);
  const policies =
    '{"PasswordPolicy":{"MinimumLength":12,"RequireUppercase":true,"RequireNumbers":true,"RequireSymbols":true}}';

  it("refuses the seed's create-user-pool as AWS does, then accepts it with an SMS configuration", async () => {
    const base = [
      "create-user-pool",
      "--pool-name",
      "MyAppUsers",
      "--policies",
      policies,
      "--auto-verified-attributes",
      "email",
      "--mfa-configuration",
      "OPTIONAL",
    ];
    const refused = await run("aws", [
      "cognito-idp",
      ...base,
      "--endpoint-url",
      t.emulator.url,
      "--region",
      "us-east-1",
      "--no-sign-request",
    ]).then(
      () => "",
      (err: { stderr: string }) => err.stderr,
    );
    expect(refused).toContain(
      "InvalidParameterException) when calling the CreateUserPool operation: SMS configuration and Auto verification for phone_number are required when MFA is required/optional",
    );
    const ok = await aws([
      ...base,
      "--sms-configuration",
      "SnsCallerArn=arn:aws:iam::123456789012:role/sms,ExternalId=x",
    ]);
    const id = (JSON.parse(ok.stdout) as { UserPool: { Id: string } }).UserPool.Id;
    const described = JSON.parse((await aws(["describe-user-pool", "--user-pool-id", id])).stdout) as {
      UserPool: {
        Name: string;
        MfaConfiguration: string;
        Policies: { PasswordPolicy: { MinimumLength: number } };
      };
    };
    expect(described.UserPool.Name).toBe("MyAppUsers");
    expect(described.UserPool.MfaConfiguration).toBe("OPTIONAL");
    expect(described.UserPool.Policies.PasswordPolicy.MinimumLength).toBe(12);
  });

  it("creates the pool without MFA and turns on TOTP with set-user-pool-mfa-config", async () => {
    const ok = await aws([
      "create-user-pool",
      "--pool-name",
      "MyAppUsers",
      "--policies",
      policies,
      "--auto-verified-attributes",
      "email",
    ]);
    const id = (JSON.parse(ok.stdout) as { UserPool: { Id: string } }).UserPool.Id;
    await aws([
      "set-user-pool-mfa-config",
      "--user-pool-id",
      id,
      "--software-token-mfa-configuration",
      "Enabled=true",
      "--mfa-configuration",
      "OPTIONAL",
    ]);
    const cfg = JSON.parse((await aws(["get-user-pool-mfa-config", "--user-pool-id", id])).stdout) as {
      MfaConfiguration: string;
      SoftwareTokenMfaConfiguration: { Enabled: boolean };
    };
    expect(cfg).toMatchObject({
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
  });
});
