import { describe, expect, it } from "vitest";
import { iamRolesOf } from "../../src/iam";
import { useEmulator } from "../support/emulator";

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});
const publish = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }],
});

describe("IAM query API", () => {
  const t = useEmulator();
  const iam = async (action: string, params: Record<string, string>) => {
    const r = await fetch(t.emulator.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: new URLSearchParams({ Action: action, Version: "2010-05-08", ...params }).toString(),
    });
    return { status: r.status, xml: await r.text() };
  };
  const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

  it("creates a role and a policy, attaches it, and takes both down again", async () => {
    const role = await iam("CreateRole", { RoleName: "sms-role", AssumeRolePolicyDocument: trust });
    expect(role.status).toBe(200);
    expect(role.xml).toContain('<CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    const roleArn = tag(role.xml, "Arn");
    expect(roleArn).toBe("arn:aws:iam::123456789012:role/sms-role");
    expect(decodeURIComponent(tag(role.xml, "AssumeRolePolicyDocument") ?? "")).toBe(trust);

    const policy = await iam("CreatePolicy", { PolicyName: "publish", PolicyDocument: publish, Path: "/" });
    const policyArn = tag(policy.xml, "Arn") ?? "";
    expect(policyArn).toBe("arn:aws:iam::123456789012:policy/publish");
    expect((await iam("AttachRolePolicy", { RoleName: "sms-role", PolicyArn: policyArn })).status).toBe(200);
    expect(iamRolesOf(t.emulator.services.store).getRole(roleArn ?? "")?.policies).toHaveLength(1);

    const conflict = await iam("DeleteRole", { RoleName: "sms-role" });
    expect(conflict.status).toBe(409);
    expect(tag(conflict.xml, "Code")).toBe("DeleteConflict");

    expect((await iam("DetachRolePolicy", { RoleName: "sms-role", PolicyArn: policyArn })).status).toBe(200);
    expect(iamRolesOf(t.emulator.services.store).getRole(roleArn ?? "")?.policies).toEqual([]);
    expect((await iam("DeletePolicy", { PolicyArn: policyArn })).status).toBe(200);
    expect((await iam("DeleteRole", { RoleName: "sms-role" })).status).toBe(200);
    const gone = await iam("GetRole", { RoleName: "sms-role" });
    expect(gone.status).toBe(404);
    expect(tag(gone.xml, "Code")).toBe("NoSuchEntity");
  });

  it("refuses a duplicate role, a malformed policy and an unknown action", async () => {
    expect((await iam("CreateRole", { RoleName: "twice", AssumeRolePolicyDocument: trust })).status).toBe(
      200,
    );
    const again = await iam("CreateRole", { RoleName: "twice", AssumeRolePolicyDocument: trust });
    expect([again.status, tag(again.xml, "Code")]).toEqual([409, "EntityAlreadyExists"]);
    const bad = await iam("CreatePolicy", { PolicyName: "bad", PolicyDocument: "{not json" });
    expect([bad.status, tag(bad.xml, "Code")]).toEqual([400, "MalformedPolicyDocument"]);
    const unknown = await iam("ListUsers", {});
    expect([unknown.status, tag(unknown.xml, "Code")]).toEqual([400, "InvalidAction"]);
  });
});
