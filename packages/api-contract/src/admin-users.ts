import { z } from "zod";

/** `GET /admin/users` query: page size (Cognito's ListUsers allows 60) and the next page's token. */
export const ListUsersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(20),
  next: z.string().min(1).max(2048).optional(),
});

/** A user of the pool as the admin page lists them. */
export const AdminUser = z.object({
  username: z.string(),
  sub: z.string().optional(),
  email: z.string().optional(),
  emailVerified: z.boolean(),
  /** Cognito's `UserStatus` (`CONFIRMED`, `FORCE_CHANGE_PASSWORD`, ...). */
  status: z.string().optional(),
  enabled: z.boolean().optional(),
  /** ISO 8601. */
  createdAt: z.string().optional(),
});
export type AdminUser = z.output<typeof AdminUser>;

export const ListUsersResponse = z.object({
  users: z.array(AdminUser),
  /** Cognito's pagination token, for `?next=`. */
  next: z.string().optional(),
});
export type ListUsersResponse = z.output<typeof ListUsersResponse>;
