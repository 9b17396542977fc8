import { z } from "zod";

/** The app's profile record of a user, created once at sign-up confirmation. */
export const Profile = z.object({
  sub: z.string(),
  username: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  tenantId: z.string().optional(),
  plan: z.string(),
  createdAt: z.string(),
});
export type Profile = z.output<typeof Profile>;

/** `GET /me`: who the token says the caller is, and their profile record (null until confirmed). */
export const MeResponse = z.object({
  sub: z.string(),
  /** Absent only on client_credentials tokens, which user routes refuse. */
  username: z.string().optional(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  groups: z.array(z.string()),
  /** Epoch seconds. */
  authTime: z.number(),
  /** Epoch seconds: the access token's `exp`. */
  tokenExpiresAt: z.number(),
  profile: Profile.nullable(),
});
export type MeResponse = z.output<typeof MeResponse>;
