import { describe, expect, it } from "vitest";
import { envFilesFromOutputs, formatEnvFile, OutputsError, parseOutputs } from "./env-files";
import { outputNames } from "./stacks/app-stack";

const values = Object.fromEntries(outputNames.map((n) => [n, `v-${n}`])) as Record<string, string>;
Object.assign(values, {
  user_pool_id: "eu-west-1_AbC123",
  web_client_id: "web1",
  mobile_client_id: "mob1",
  server_client_id: "srv1",
});

describe("parseOutputs", () => {
  it("reads `terraform output -json`", () => {
    const json = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        { value: v, sensitive: k.endsWith("secret"), type: "string" },
      ]),
    );
    expect(parseOutputs(json).user_pool_id).toBe("eu-west-1_AbC123");
  });

  it("reads a cdktf outputs file, picking the stack", () => {
    expect(parseOutputs({ dev: values, prod: {} }, "dev").web_client_id).toBe("web1");
    expect(() => parseOutputs({ dev: values, prod: {} })).toThrow(/Pick a stack: dev, prod/);
  });

  it("names every missing output", () => {
    const { api_url: _a, issuer: _i, ...rest } = values;
    expect(() => parseOutputs({ dev: rest })).toThrow(new OutputsError("Missing outputs: issuer, api_url"));
  });
});

describe("envFilesFromOutputs", () => {
  it("gives the API every client ID the JWT authorizer accepts", () => {
    const files = envFilesFromOutputs(parseOutputs({ dev: values }));
    expect(files.api.COGNITO_CLIENT_IDS).toBe("web1,mob1,srv1");
    expect(files.api.COGNITO_USER_POOL_ID).toBe("eu-west-1_AbC123");
    expect(files.web.COGNITO_CLIENT_ID).toBe("web1");
    expect(files.web.COGNITO_CLIENT_SECRET).toBe("v-web_client_secret");
    expect(files.web.COGNITO_DOMAIN_URL).toBe("v-hosted_ui_url");
    expect(files.web.NEXTAUTH_URL).toBe(files.web.SITE_URL);
  });
});

describe("formatEnvFile", () => {
  it("quotes values that a dotenv parser would split", () => {
    expect(formatEnvFile({ A: "plain", B: "two words", C: "x#y" }, "h")).toBe(
      '# h\nA=plain\nB="two words"\nC="x#y"\n',
    );
  });

  it("refuses multi-line values", () => {
    expect(() => formatEnvFile({ A: "a\nb" }, "h")).toThrow(OutputsError);
  });
});
