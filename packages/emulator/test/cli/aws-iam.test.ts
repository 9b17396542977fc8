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

/**
 * The IAM query API's role and managed-policy actions, through the real aws CLI: the role an
 * identity pool hands out can be made with the same commands as on AWS.
 */
describe.runIf(awsOnPath())("aws iam (CLI)", () => {
  const t = useEmulator();
  const aws = async <T>(args: string[]): Promise<T> => {
    const { stdout } = await run("aws", [
      "iam",
      ...args,
      "--endpoint-url",
      t.emulator.url,
      "--region",
      "us-east-1",
      "--no-sign-request",
      "--output",
      "json",
    ]);
    return (stdout.trim() ? JSON.parse(stdout) : {}) as T;
  };
  const failure = (args: string[]) =>
    aws(args).then(
      () => "",
      (err: { stderr: string }) => err.stderr,
    );
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
      },
    ],
  });
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::files/*" }],
  });

  it("creates a role and a policy, attaches, detaches and deletes them", async () => {
    const role = await aws<{ Role: { Arn: string; RoleName: string } }>([
      "create-role",
      "--role-name",
      "reader",
      "--assume-role-policy-document",
      trust,
    ]);
    expect(role.Role.Arn).toBe("arn:aws:iam::123456789012:role/reader");
    const created = await aws<{ Policy: { Arn: string } }>([
      "create-policy",
      "--policy-name",
      "read-files",
      "--policy-document",
      policy,
    ]);
    await aws(["attach-role-policy", "--role-name", "reader", "--policy-arn", created.Policy.Arn]);
    expect(await failure(["delete-policy", "--policy-arn", created.Policy.Arn])).toContain("DeleteConflict");
    expect(await failure(["delete-role", "--role-name", "reader"])).toContain("DeleteConflict");
    const got = await aws<{ Role: { RoleName: string } }>(["get-role", "--role-name", "reader"]);
    expect(got.Role.RoleName).toBe("reader");
    await aws(["detach-role-policy", "--role-name", "reader", "--policy-arn", created.Policy.Arn]);
    await aws(["delete-policy", "--policy-arn", created.Policy.Arn]);
    await aws(["delete-role", "--role-name", "reader"]);
    expect(await failure(["get-role", "--role-name", "reader"])).toContain("NoSuchEntity");
  });

  it("refuses a duplicate role and a malformed policy document", async () => {
    await aws(["create-role", "--role-name", "twice", "--assume-role-policy-document", trust]);
    expect(
      await failure(["create-role", "--role-name", "twice", "--assume-role-policy-document", trust]),
    ).toContain("EntityAlreadyExists");
    expect(
      await failure(["create-policy", "--policy-name", "bad", "--policy-document", "{not json"]),
    ).toContain("MalformedPolicyDocument");
  });
});
