/**
 * The user pool's attributes and who may change them: the one list the infra builds the pool
 * schema and the app clients' `write_attributes` from, and the web app builds the profile form
 * from. Custom attributes are named without the `custom:` prefix here, as in the pool schema.
 *
 * @module
 */

export interface CustomAttribute {
  /** The schema name; users and tokens see it as `custom:<name>`. */
  name: string;
  /** Shown on the profile page. */
  label: string;
  maxLength: number;
  /**
   * Whether a user may change it with their own access token (UpdateUserAttributes). Attributes
   * that decide what a user may do or pay (`tenant_id`, `plan`, both copied into tokens by the
   * pre-token-generation trigger) are set by administrators only.
   */
  userWritable: boolean;
}

export const customAttributes = [
  { name: "tenant_id", label: "Organisation", maxLength: 64, userWritable: false },
  { name: "plan", label: "Plan", maxLength: 32, userWritable: false },
  { name: "job_title", label: "Job title", maxLength: 64, userWritable: true },
] as const satisfies readonly CustomAttribute[];

/** Standard attributes a user edits on their profile (email and phone need verification). */
export const userWritableStandardAttributes = ["name", "email", "phone_number"] as const;

/** `custom:<name>` of a custom attribute. */
export const customAttributeName = (name: string): `custom:${string}` => `custom:${name}`;

/**
 * Attributes the identity providers' mappings write at each federated sign-in besides the profile
 * ones: Cognito refuses the sign-in unless the app client may write every mapped attribute.
 */
const federationMappedAttributes = ["picture"] as const;

/**
 * What an app client lets users write with their access token: the standard profile attributes
 * (and those federation maps) and the user-writable custom ones. Anything else
 * (`custom:tenant_id`, `custom:plan`) only an administrator may set.
 */
export const userWritableAttributes: readonly string[] = [
  ...userWritableStandardAttributes,
  ...federationMappedAttributes,
  ...customAttributes.filter((a) => a.userWritable).map((a) => customAttributeName(a.name)),
];
