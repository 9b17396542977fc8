import { describe, expect, it } from "vitest";
import { cognitoErrorMessage, isAccessTokenRejected, isServiceFailure } from "./cognito-errors";

/** The shape the AWS SDK throws: `name` = Cognito's error type, `$metadata`, `$fault`. */
function awsError(name: string, message: string, fault: "client" | "server" = "client") {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, $fault: fault });
}

describe("cognitoErrorMessage", () => {
  it("explains the password policy Cognito applied", () => {
    const err = awsError(
      "InvalidPasswordException",
      "Password does not conform to policy: Password must have uppercase characters",
    );
    expect(cognitoErrorMessage(err, "password")).toBe(
      "Choose a stronger password. Password must have uppercase characters. Use at least 12 characters with upper- and lower-case letters, a number and a symbol.",
    );
  });

  it("reads a refused ChangePassword as a wrong current password", () => {
    const err = awsError("NotAuthorizedException", "Incorrect username or password.");
    expect(cognitoErrorMessage(err, "password")).toBe("Your current password is not correct.");
  });

  it("tells a wrong authenticator code apart from a wrong emailed code", () => {
    const err = awsError("CodeMismatchException", "Invalid code received for user");
    expect(cognitoErrorMessage(err, "code")).toBe("That code is not correct. Check it and try again.");
    expect(cognitoErrorMessage(err, "totp")).toMatch(/enter the code your app shows now/);
  });

  it("asks to wait after too many attempts", () => {
    expect(cognitoErrorMessage(awsError("LimitExceededException", "Attempt limit exceeded"), "code")).toMatch(
      /Too many attempts/,
    );
  });

  it("leaves errors the user cannot act on to the caller", () => {
    expect(
      cognitoErrorMessage(awsError("InternalErrorException", "boom", "server"), "profile"),
    ).toBeUndefined();
    expect(cognitoErrorMessage(awsError("ResourceNotFoundException", "no pool"), "profile")).toBeUndefined();
    expect(cognitoErrorMessage(new TypeError("fetch failed"), "profile")).toBeUndefined();
    expect(
      cognitoErrorMessage(awsError("NotAuthorizedException", "Access Token has been revoked"), "profile"),
    ).toBeUndefined();
  });
});

describe("isAccessTokenRejected", () => {
  it("is true for a revoked, expired or foreign access token", () => {
    for (const message of [
      "Access Token has been revoked",
      "Access Token has expired",
      "Invalid Access Token",
    ]) {
      expect(isAccessTokenRejected(awsError("NotAuthorizedException", message))).toBe(true);
    }
  });

  it("is false for a wrong password", () => {
    expect(isAccessTokenRejected(awsError("NotAuthorizedException", "Incorrect username or password."))).toBe(
      false,
    );
  });
});

describe("isServiceFailure", () => {
  it("is true for network errors and server faults, false for client errors", () => {
    expect(isServiceFailure(new TypeError("fetch failed"))).toBe(true);
    expect(isServiceFailure(awsError("InternalErrorException", "x", "server"))).toBe(true);
    expect(isServiceFailure(awsError("CodeMismatchException", "x"))).toBe(false);
  });
});
