/**
 * The accounts of the emulator's local OpenID providers (`/_idp/google`, `/_idp/oidc`): fixed test
 * identities with documented passwords, like the local stack's demo user. Dependency-free so that
 * `scripts/local-stack.ts` can print them and e2e suites can sign in with them.
 *
 * @module
 */

export interface LocalIdpAccount {
  /** The provider's subject (`sub`); the federated user is `<ProviderName>_<sub>`. */
  sub: string;
  /** What the provider's sign-in form takes, besides the `sub`. */
  email: string;
  /** Test password (these accounts exist only on the local stand-ins). */
  password: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}

/** The local stand-ins, by the path segment they are served under (`/_idp/<name>`). */
export const LOCAL_IDP_ACCOUNTS = {
  google: [
    {
      sub: "104857600000000000001",
      email: "google.user@example.com",
      password: "Google-Passw0rd!",
      email_verified: true,
      name: "Grace Google",
      given_name: "Grace",
      family_name: "Google",
    },
    {
      sub: "104857600000000000002",
      email: "google.second@example.com",
      password: "Google-Passw0rd!",
      email_verified: true,
      name: "Gus Google",
      given_name: "Gus",
      family_name: "Google",
    },
  ],
  oidc: [
    {
      sub: "corp-employee-1",
      email: "employee@corp.example",
      password: "Oidc-Passw0rd!",
      email_verified: true,
      name: "Olive Employee",
      given_name: "Olive",
      family_name: "Employee",
    },
    {
      sub: "corp-employee-2",
      email: "contractor@corp.example",
      password: "Oidc-Passw0rd!",
      email_verified: true,
      name: "Oscar Contractor",
      given_name: "Oscar",
      family_name: "Contractor",
    },
  ],
} as const satisfies Record<string, readonly LocalIdpAccount[]>;

export type LocalIdpName = keyof typeof LOCAL_IDP_ACCOUNTS;

export const LOCAL_IDP_NAMES = Object.keys(LOCAL_IDP_ACCOUNTS) as LocalIdpName[];

/** Path under the emulator's origin where the local providers are served. */
export const LOCAL_IDP_PATH = "/_idp";

/** Human names of the stand-ins, shown on their sign-in pages. */
export const LOCAL_IDP_TITLES: Record<LocalIdpName, string> = {
  google: "Google (local stand-in)",
  oidc: "Enterprise OIDC (local stand-in)",
};
