import { beforeEach, describe, expect, it, vi } from "vitest";
import { ServiceUnavailableError } from "~/server/errors";

// Every step the action takes, recorded in order; the modules that talk to Cognito, the API and
// the sessions table are replaced by recorders.
const steps: string[] = [];
const callApi = vi.fn(async (_userId: string, endpoint: string) => {
  steps.push(`api ${endpoint}`);
});

vi.mock("~/server/api-client", () => ({
  callApi: (...args: Parameters<typeof callApi>) => callApi(...args),
}));
vi.mock("~/server/account", () => ({
  deleteCognitoUser: async () => void steps.push("cognito DeleteUser"),
}));
vi.mock("~/server/auth", () => ({
  requireSession: async () => ({ user: { id: "user-1" } }),
  withSession: (_userId: string, fn: () => Promise<unknown>) => fn(),
}));
vi.mock("~/server/step-up-guard", () => ({
  requireRecentAuthentication: async () => void steps.push("step-up checked"),
}));
vi.mock("~/server/local-user", () => ({
  deleteLocalUser: async () => void steps.push("local records deleted"),
}));
vi.mock("~/server/sign-out", () => ({
  clearSessionCookie: async () => void steps.push("cookie cleared"),
  hostedUiLogoutUrl: () => new URL("http://127.0.0.1:9229/logout"),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    steps.push(`redirect ${to}`);
    throw new Error("NEXT_REDIRECT");
  },
}));

const { deleteAccount } = await import("./actions");

const confirmed = () => {
  const form = new FormData();
  form.set("confirm", "DELETE");
  return form;
};

beforeEach(() => {
  steps.length = 0;
  callApi.mockClear();
});

describe("deleteAccount", () => {
  it("erases the API's data first, then the Cognito user, then the local records", async () => {
    await expect(deleteAccount({}, confirmed())).rejects.toThrow("NEXT_REDIRECT");
    expect(steps).toEqual([
      "step-up checked",
      "api delete-me",
      "cognito DeleteUser",
      "local records deleted",
      "cookie cleared",
      "redirect http://127.0.0.1:9229/logout",
    ]);
  });

  it("deletes nothing else and says so when the API cannot erase the data", async () => {
    callApi.mockRejectedValueOnce(new ServiceUnavailableError("api", "The API cannot be reached"));
    const state = await deleteAccount({}, confirmed());
    expect(state.error).toMatch(/could not all be erased.*account is still here/);
    expect(steps).toEqual(["step-up checked"]);
  });

  it("asks for the confirmation word before doing anything", async () => {
    const state = await deleteAccount({}, new FormData());
    expect(state).toEqual({ error: "Type DELETE to confirm." });
    expect(steps).toEqual([]);
  });
});
