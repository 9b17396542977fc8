import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { rehearsalProvider } from "../rehearsal";
import { loadStage } from "../stages";
import { placeholderBundles } from "../test-support";
import { AppStack, outputNames } from "./app-stack";

function synth(stage: "local" | "prod", provider?: ReturnType<typeof rehearsalProvider>) {
  const app = Testing.app();
  const stack = new AppStack(app, stage, {
    stage: loadStage(stage, {}),
    apiDistDir: placeholderBundles(),
    ...(provider ? { provider } : {}),
  });
  return JSON.parse(Testing.synth(stack)) as {
    output: Record<string, { value: string; sensitive?: boolean }>;
    provider: { aws: Record<string, unknown>[] };
  };
}

describe("AppStack", () => {
  const local = synth("local");

  it("publishes every output the apps and the emulator read, under stable names", () => {
    // The apps' outputs, plus the operator's (alarm topic; SES identity where the stage has one).
    expect(Object.keys(local.output).sort()).toEqual([...outputNames, "alarm_topic_arn"].sort());
    expect(local.output.issuer?.value).toMatch(
      /^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/\$\{aws_cognito_user_pool\.[\w-]+\.id\}$/,
    );
    expect(local.output.hosted_ui_url?.value).toMatch(
      /^https:\/\/\$\{.+\.domain\}\.auth\.us-east-1\.amazoncognito\.com$/,
    );
  });

  it("marks the client secrets sensitive", () => {
    expect(local.output.web_client_secret?.sensitive).toBe(true);
    expect(local.output.server_client_secret?.sensitive).toBe(true);
    expect(local.output.web_client_id?.sensitive).toBeUndefined();
  });

  it("targets the stage's region and tags every resource with app and stage", () => {
    expect(synth("prod").provider.aws[0]).toMatchObject({
      region: "eu-west-1",
      default_tags: [{ tags: { app: "acme-notes", stage: "prod", "managed-by": "cdktf" } }],
    });
  });

  it("takes provider overrides for the rehearsal without changing anything else", () => {
    const rehearsal = synth("local", rehearsalProvider("http://127.0.0.1:1234"));
    expect(rehearsal.provider.aws[0]).toMatchObject({ region: "us-east-1", max_retries: 1 });
    expect(rehearsal.output).toEqual(local.output);
  });
});
