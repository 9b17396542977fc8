import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt as decodeJwtPayload, type JWTPayload } from "jose";

export const PASSWORD = "Correct-Horse-9";

export async function createPool(
  client: CognitoIdentityProviderClient,
  input: Partial<CreateUserPoolCommandInput> = {},
): Promise<string> {
  const r = await client.send(
    new CreateUserPoolCommand({ PoolName: "test", AutoVerifiedAttributes: ["email"], ...input }),
  );
  return r.UserPool?.Id ?? "";
}

export async function createClient(
  client: CognitoIdentityProviderClient,
  UserPoolId: string,
  input: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ clientId: string; clientSecret?: string }> {
  const r = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: "app",
      ExplicitAuthFlows: [
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
      ],
      ...input,
    }),
  );
  return {
    clientId: r.UserPoolClient?.ClientId ?? "",
    ...(r.UserPoolClient?.ClientSecret ? { clientSecret: r.UserPoolClient.ClientSecret } : {}),
  };
}

/** A confirmed user with a permanent password, made through the admin API. */
export async function createConfirmedUser(
  client: CognitoIdentityProviderClient,
  UserPoolId: string,
  Username: string,
  attributes: Record<string, string> = {},
  password = PASSWORD,
): Promise<void> {
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username,
      MessageAction: "SUPPRESS",
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: password, Permanent: true }),
  );
}

interface OutboxEntry {
  to: string;
  subject: string | null;
  body: string;
  kind: string;
  medium: string;
}

/** Messages for `to`, newest first, read from the emulator's outbox JSON. */
export async function outbox(baseUrl: string, to: string): Promise<OutboxEntry[]> {
  const res = await fetch(`${baseUrl}/_outbox.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: OutboxEntry[] }).messages;
}

/** The newest six-digit code sent to `to`. */
export async function latestCode(baseUrl: string, to: string): Promise<string> {
  const [first] = await outbox(baseUrl, to);
  const code = first ? /\b(\d{6})\b/.exec(first.body)?.[1] : undefined;
  if (!code) throw new Error(`no code in the outbox for ${to}`);
  return code;
}

/** A JWT's claims, unverified (the tests inspect tokens the emulator just issued). */
export function decodeJwt(token: string): JWTPayload {
  return decodeJwtPayload(token);
}
