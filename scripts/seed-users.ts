import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";

export interface SeededUser {
  role: "demo user" | "admin";
  /** The pool signs in with email, phone or username (aliases), so the username is not an email. */
  username: string;
  email: string;
  password: string;
}

/** The local stack's demo user and admin (local only: the passwords are printed). */
const seeds: (SeededUser & { groups: string[] })[] = [
  {
    role: "demo user",
    username: "demo",
    email: "demo@example.com",
    password: "Demo-Passw0rd!",
    groups: ["users"],
  },
  {
    role: "admin",
    username: "admin",
    email: "admin@example.com",
    password: "Admin-Passw0rd!",
    groups: ["users", "admins"],
  },
];

/** Creates the seeded users through the emulator's admin API, unless they exist (data is kept). */
export async function seedUsers(opts: {
  endpoint: string;
  region: string;
  userPoolId: string;
}): Promise<SeededUser[]> {
  const idp = new CognitoIdentityProviderClient({
    endpoint: opts.endpoint,
    region: opts.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  for (const seed of seeds) {
    const exists = await idp
      .send(new AdminGetUserCommand({ UserPoolId: opts.userPoolId, Username: seed.username }))
      .then(() => true)
      .catch((err: unknown) => {
        if (err instanceof UserNotFoundException) return false;
        throw err;
      });
    if (exists) continue;
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: opts.userPoolId,
        Username: seed.username,
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "email", Value: seed.email },
          { Name: "email_verified", Value: "true" },
          { Name: "name", Value: seed.role === "admin" ? "Ada Admin" : "Dee Demo" },
        ],
      }),
    );
    await idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: opts.userPoolId,
        Username: seed.username,
        Password: seed.password,
        Permanent: true,
      }),
    );
    for (const group of seed.groups) {
      await idp.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: opts.userPoolId,
          Username: seed.username,
          GroupName: group,
        }),
      );
    }
  }
  idp.destroy();
  return seeds.map(({ role, username, email, password }) => ({ role, username, email, password }));
}
