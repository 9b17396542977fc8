import { z } from "zod";
import { MeResponse } from "./me";
import { NotesPage } from "./notes";

/** `GET /dashboard` query: the size of the first page of notes. */
export const DashboardQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** `GET /dashboard`: the bodies of `GET /me` and of the first page of `GET /notes`. */
export const DashboardResponse = z.object({ me: MeResponse, notes: NotesPage });
export type DashboardResponse = z.output<typeof DashboardResponse>;
