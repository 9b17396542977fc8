import { AdminAddUserToGroupCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { PostConfirmationTriggerEvent } from "aws-lambda";
import { cognitoClient, documentClient } from "../data/clients";
import { ProfilesRepository } from "../data/profiles";
import { triggerConfig } from "./trigger-config";

/** Every confirmed user joins this group (the infra creates it). */
export const DEFAULT_GROUP = "users";

/**
 * Post confirmation (sign-up only; a confirmed password reset also fires this trigger):
 * adds the user to the `users` group and creates their profile record. Both steps are idempotent,
 * so a retried invocation is harmless.
 */
export async function handler(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  if (event.triggerSource !== "PostConfirmation_ConfirmSignUp") return event;
  const config = triggerConfig();
  const cfg = { ...config, region: config.region ?? event.region };
  const attrs = event.request.userAttributes;
  await cognitoClient(cfg).send(
    new AdminAddUserToGroupCommand({
      UserPoolId: event.userPoolId,
      Username: event.userName,
      GroupName: DEFAULT_GROUP,
    }),
  );
  await new ProfilesRepository(documentClient(cfg), config.appTable).createIfAbsent({
    sub: String(attrs.sub),
    username: event.userName,
    email: attrs.email,
    name: attrs.name,
    tenantId: attrs["custom:tenant_id"],
    plan: attrs["custom:plan"] ?? "free",
    createdAt: new Date().toISOString(),
  });
  return event;
}
