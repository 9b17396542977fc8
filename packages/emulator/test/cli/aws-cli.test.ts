import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { Browser, signInThroughForm } from "../hosted-ui/browser";
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

  // The whole journey from the command line: pool, domain and app client by the CLI, a user
  // signed in through the hosted UI's authorization code flow without PKCE (optional on AWS for
  // a client with a secret), the code redeemed at /oauth2/token, the access token used by the CLI.
  it("runs the authorization code flow without PKCE for a pool made by the CLI", async () => {
    const json = async <T>(args: string[]) => JSON.parse((await aws(args)).stdout) as T;
    const pool = await json<{ UserPool: { Id: string } }>([
      "create-user-pool",
      "--pool-name",
      "CliPool",
      "--username-attributes",
      "email",
      "--auto-verified-attributes",
      "email",
    ]);
    const id = pool.UserPool.Id;
    await aws(["create-user-pool-domain", "--user-pool-id", id, "--domain", "cli-journey"]);
    const callback = "http://localhost:3000/callback";
    const client = await json<{ UserPoolClient: { ClientId: string; ClientSecret: string } }>([
      "create-user-pool-client",
      "--user-pool-id",
      id,
      "--client-name",
      "web",
      "--generate-secret",
      "--allowed-o-auth-flows-user-pool-client",
      "--allowed-o-auth-flows",
      "code",
      "--allowed-o-auth-scopes",
      "openid",
      "email",
      "aws.cognito.signin.user.admin",
      "--callback-urls",
      // JSON, not the bare URL: the CLI would fetch a parameter value that starts with http://.
      JSON.stringify([callback]),
      "--supported-identity-providers",
      "COGNITO",
    ]);
    const { ClientId, ClientSecret } = client.UserPoolClient;
    const email = "cli.user@example.com";
    await aws([
      "admin-create-user",
      "--user-pool-id",
      id,
      "--username",
      email,
      "--user-attributes",
      `Name=email,Value=${email}`,
      "Name=email_verified,Value=true",
      "--message-action",
      "SUPPRESS",
    ]);
    await aws([
      "admin-set-user-password",
      "--user-pool-id",
      id,
      "--username",
      email,
      "--password",
      "Cli-Passw0rd!x",
      "--permanent",
    ]);

    const domainUrl = `${t.emulator.url}/_domain/cli-journey`;
    const redirected = await signInThroughForm(
      new Browser(),
      domainUrl,
      {
        response_type: "code",
        client_id: ClientId,
        redirect_uri: callback,
        scope: "openid email aws.cognito.signin.user.admin",
        state: "s1",
      },
      { username: email, password: "Cli-Passw0rd!x" },
    );
    expect(redirected.searchParams.get("state")).toBe("s1");
    const code = redirected.searchParams.get("code") ?? "";
    expect(code).not.toBe("");
    const tokenRes = await fetch(`${domainUrl}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${ClientId}:${ClientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: callback,
      }).toString(),
    });
    expect(tokenRes.status).toBe(200);
    const tokens = (await tokenRes.json()) as {
      access_token: string;
      id_token: string;
      refresh_token: string;
    };
    const me = await json<{ Username: string; UserAttributes: { Name: string; Value: string }[] }>([
      "get-user",
      "--access-token",
      tokens.access_token,
    ]);
    expect(me.UserAttributes).toContainEqual({ Name: "email", Value: email });
  });
});
